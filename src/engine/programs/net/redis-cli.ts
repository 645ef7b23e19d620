/** redis-cli (7.4): one-shot or interactive (`redis:6379>`), replies formatted as on a terminal or raw. */
import { NetError, type ProgramContext, type Socket } from '../../process/types';
import { parseResp } from './redis-resp';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** redis-cli's argument splitting (sdssplitargs): quotes group, `\n` and `\"` escapes work in "…". */
function splitArgs(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    let cur = '';
    if (line[i] === '"' || line[i] === "'") {
      const q = line[i++];
      let closed = false;
      while (i < line.length) {
        if (q === '"' && line[i] === '\\' && i + 1 < line.length) {
          const n = line[i + 1];
          cur += n === 'n' ? '\n' : n === 't' ? '\t' : n;
          i += 2;
          continue;
        }
        if (line[i] === q) {
          closed = true;
          i++;
          break;
        }
        cur += line[i++];
      }
      if (!closed) return undefined;
    } else {
      while (i < line.length && !/\s/.test(line[i])) cur += line[i++];
    }
    out.push(cur);
  }
  return out;
}

function formatReply(v: unknown, tty: boolean, indent = ''): string {
  if (v === null || v === undefined) return tty ? '(nil)' : '';
  if (typeof v === 'number') return tty ? `(integer) ${v}` : String(v);
  if (Array.isArray(v)) {
    if (!v.length) return tty ? '(empty array)' : '';
    const w = String(v.length).length;
    return v.map((x, k) => (tty ? `${k === 0 ? '' : indent}${String(k + 1).padStart(w)}) ${formatReply(x, tty, indent + ' '.repeat(w + 2))}` : formatReply(x, tty))).join('\n');
  }
  if (typeof v === 'object' && 'status' in (v as object)) return (v as { status: string }).status;
  if (typeof v === 'object' && 'error' in (v as object)) return `(error) ${(v as { error: string }).error}`;
  return tty ? JSON.stringify(String(v)) : String(v);
}

export async function redisCli(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let host = '127.0.0.1';
  let port = 6379;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-h') host = args[++i] ?? host;
    else if (args[i] === '-p') port = Number(args[++i]);
    else if (args[i] === '--version' || args[i] === '-v') {
      await ctx.stdout.write('redis-cli 7.4.2\n');
      return 0;
    } else if (args[i] === '--raw' || args[i] === '--no-raw') continue;
    else rest.push(args[i]);
  }
  const net = ctx.sys.net;
  let sock: Socket | undefined;
  let buf = '';
  const connect = async (): Promise<string | undefined> => {
    try {
      if (!net) throw new NetError('ECONNREFUSED', 'Connection refused');
      sock = await net.connect(host, port, ctx.signal);
      return undefined;
    } catch (e) {
      const why = e instanceof NetError && e.code === 'ENOTFOUND' ? 'Name or service not known' : 'Connection refused';
      return `Could not connect to Redis at ${host}:${port}: ${why}`;
    }
  };
  const send = async (argv: string[]): Promise<unknown> => {
    const s = sock!;
    await s.output.write(enc.encode(`*${argv.length}\r\n${argv.map((a) => `$${enc.encode(a).length}\r\n${a}\r\n`).join('')}`));
    for (;;) {
      const p = parseResp(buf);
      if (p) {
        buf = p.rest;
        return p.value;
      }
      const chunk = await s.input.read(ctx.signal);
      if (!chunk) throw new NetError('ECONNREFUSED', 'closed');
      buf += dec.decode(chunk);
    }
  };
  const tty = ctx.stdout.isTTY;
  if (rest.length) {
    const e = await connect();
    if (e) {
      await ctx.stderr.write(`${e}\n`);
      return 1;
    }
    const r = await send(rest);
    await ctx.stdout.write(formatReply(r, tty) + '\n');
    return 0;
  }
  let err = await connect();
  if (err) await ctx.stdout.write(err + '\n');
  const prompt = () => (sock ? `${host}:${port}> ` : 'not connected> ');
  for (;;) {
    await ctx.stdout.write(prompt());
    const chunk = await ctx.stdin.read(ctx.signal);
    if (!chunk) {
      await ctx.stdout.write('\n');
      return 0;
    }
    const line = dec.decode(chunk).replace(/\r?\n$/, '');
    const argv = splitArgs(line);
    if (!argv) {
      await ctx.stdout.write('Invalid argument(s)\n');
      continue;
    }
    if (!argv.length) continue;
    const c = argv[0].toLowerCase();
    if (c === 'exit' || c === 'quit') return 0;
    if (!sock) {
      err = await connect();
      if (err) {
        await ctx.stdout.write(err + '\n');
        continue;
      }
    }
    try {
      const r = await send(argv);
      await ctx.stdout.write(formatReply(r, tty) + '\n');
      if (c === 'shutdown') sock = undefined;
    } catch {
      sock = undefined;
      await ctx.stdout.write(`Error: Server closed the connection\n`);
    }
  }
}
