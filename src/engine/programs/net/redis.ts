/**
 * redis-server and redis-cli (7.4) over the simulated sockets: RESP on the wire, the string and
 * list commands a tutorial types (PING SET GET INCR DEL KEYS EXPIRE TTL …), SAVE writing a real
 * RDB file (dump.rdb in the working directory, /data in the image) that the next start loads, the
 * server's own log lines, and redis-cli's reply formatting (`(integer) 1`, `"value"`, `(nil)`),
 * interactive (`redis:6379>`) or one-shot, raw when its output is not a terminal.
 */
import { pushAll } from '../../../lib/arrays';
import { KERNEL } from '../sysinfo';
import { NetError, SIGNALS, type ProgramContext, type Socket } from '../../process/types';

const enc = new TextEncoder();

/** Real Redis commands outside the model (hashes, sets, sorted sets, pub/sub, transactions …). */
const NOT_MODELLED = new Set(
  ('hset hget hmset hmget hgetall hdel hkeys hvals hlen hexists hincrby hincrbyfloat hsetnx hstrlen hscan ' +
    'sadd srem smembers sismember smismember scard spop srandmember sinter sinterstore sunion sunionstore sdiff sdiffstore smove sscan ' +
    'zadd zrem zrange zrevrange zrangebyscore zrevrangebyscore zscore zcard zcount zincrby zrank zrevrank zpopmin zpopmax zscan ' +
    'lindex lset lrem ltrim linsert lpos lmove rpoplpush blpop brpop blmove lpushx rpushx ' +
    'setex psetex setnx getset getdel getex strlen getrange setrange msetnx incrbyfloat setbit getbit bitcount bitop bitpos ' +
    'pexpire pttl expireat pexpireat expiretime rename renamenx randomkey scan move sort copy touch unlink object dump restore ' +
    'multi exec discard watch unwatch publish subscribe unsubscribe psubscribe punsubscribe pubsub ' +
    'config auth acl monitor debug slowlog time lastsave role replicaof slaveof wait memory latency eval evalsha script function ' +
    'xadd xrange xrevrange xlen xread xdel xtrim xgroup xreadgroup xack pfadd pfcount pfmerge geoadd geodist geopos geosearch')
    .split(' '),
);
const dec = new TextDecoder();

type Value = string | string[];
interface Entry {
  v: Value;
  expires?: number;
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const mon = d.toUTCString().slice(8, 11);
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
}

// ---- RDB (version 12): enough of the format to save and load strings and lists ----
function lenBytes(n: number): number[] {
  if (n < 64) return [n];
  if (n < 16384) return [0x40 | (n >> 8), n & 255];
  return [0x80, (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}
function strBytes(s: string): number[] {
  const b = enc.encode(s);
  return pushAll(lenBytes(b.length), b);
}

export function writeRdb(db: Map<string, Entry>): Uint8Array {
  const out: number[] = [...enc.encode('REDIS0012')];
  for (const [k, v] of [['redis-ver', '7.4.2'], ['redis-bits', '64']]) out.push(0xfa, ...strBytes(k), ...strBytes(v));
  out.push(0xfe, 0, 0xfb, ...lenBytes(db.size), ...lenBytes([...db.values()].filter((e) => e.expires).length));
  for (const [k, e] of db) {
    if (e.expires) {
      out.push(0xfc);
      let t = BigInt(Math.floor(e.expires));
      for (let i = 0; i < 8; i++) {
        out.push(Number(t & 255n));
        t >>= 8n;
      }
    }
    // pushAll, not spreads: a value or a list can be larger than a call's argument limit.
    out.push(typeof e.v === 'string' ? 0 : 1);
    pushAll(out, strBytes(k));
    if (typeof e.v === 'string') pushAll(out, strBytes(e.v));
    else {
      pushAll(out, lenBytes(e.v.length));
      for (const item of e.v) pushAll(out, strBytes(item));
    }
  }
  out.push(0xff, 0, 0, 0, 0, 0, 0, 0, 0);
  return Uint8Array.from(out);
}

export function readRdb(b: Uint8Array): Map<string, Entry> {
  const db = new Map<string, Entry>();
  if (dec.decode(b.subarray(0, 5)) !== 'REDIS') return db;
  let i = 9;
  const len = (): number => {
    const c = b[i++];
    const kind = c >> 6;
    if (kind === 0) return c & 63;
    if (kind === 1) return ((c & 63) << 8) | b[i++];
    const n = (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3];
    i += 4;
    return n >>> 0;
  };
  const str = () => {
    const n = len();
    const s = dec.decode(b.subarray(i, i + n));
    i += n;
    return s;
  };
  let expires: number | undefined;
  while (i < b.length) {
    const op = b[i++];
    if (op === 0xff) break;
    if (op === 0xfa) {
      str();
      str();
    } else if (op === 0xfe) len();
    else if (op === 0xfb) {
      len();
      len();
    } else if (op === 0xfc) {
      let t = 0n;
      for (let k = 7; k >= 0; k--) t = (t << 8n) | BigInt(b[i + k]);
      i += 8;
      expires = Number(t);
    } else if (op === 0 || op === 1) {
      const key = str();
      const v: Value = op === 0 ? str() : Array.from({ length: len() }, () => str());
      db.set(key, { v, ...(expires ? { expires } : {}) });
      expires = undefined;
    } else break;
  }
  return db;
}

// ---- RESP ----
function reply(v: unknown): string {
  if (v === null || v === undefined) return '$-1\r\n';
  if (typeof v === 'number') return `:${v}\r\n`;
  if (Array.isArray(v)) return `*${v.length}\r\n${v.map(reply).join('')}`;
  if (typeof v === 'object' && 'status' in (v as object)) return `+${(v as { status: string }).status}\r\n`;
  if (typeof v === 'object' && 'error' in (v as object)) return `-${(v as { error: string }).error}\r\n`;
  const s = String(v);
  return `$${enc.encode(s).length}\r\n${s}\r\n`;
}
const OK = { status: 'OK' };
const err = (m: string) => ({ error: m });

/** Read one RESP value from a buffer; returns undefined when incomplete. */
function parseResp(buf: string): { value: unknown; rest: string } | undefined {
  const nl = buf.indexOf('\r\n');
  if (nl < 0) return undefined;
  const head = buf.slice(1, nl);
  const rest = buf.slice(nl + 2);
  switch (buf[0]) {
    case '+': return { value: { status: head }, rest };
    case '-': return { value: { error: head }, rest };
    case ':': return { value: Number(head), rest };
    case '$': {
      const n = Number(head);
      if (n < 0) return { value: null, rest };
      const bytes = enc.encode(rest);
      if (bytes.length < n + 2) return undefined;
      const s = dec.decode(bytes.subarray(0, n));
      return { value: s, rest: dec.decode(bytes.subarray(n + 2)) };
    }
    case '*': {
      const n = Number(head);
      if (n < 0) return { value: null, rest };
      const items: unknown[] = [];
      let r = rest;
      for (let k = 0; k < n; k++) {
        const p = parseResp(r);
        if (!p) return undefined;
        items.push(p.value);
        r = p.rest;
      }
      return { value: items, rest: r };
    }
    default: {
      // Inline command (telnet style).
      return { value: buf.slice(0, nl).trim().split(/\s+/), rest };
    }
  }
}

function glob(pattern: string): RegExp {
  return new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 's');
}

export async function redisServer(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args.includes('--version') || args.includes('-v')) {
    await ctx.stdout.write('Redis server v=7.4.2 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=d2a3dd2c4b2e7f8b\n');
    return 0;
  }
  const pi = args.indexOf('--port');
  const port = pi >= 0 ? Number(args[pi + 1]) : 6379;
  const me = ctx.proc.info.nsPid;
  const now = () => ctx.sys.clock.now();
  const log = (role: string, mark: string, msg: string) => ctx.stdout.write(`${me}:${role} ${stamp(now())} ${mark} ${msg}\n`);
  await log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  await log('C', '*', `Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=${me}, just started`);
  if (!args.some((a) => !a.startsWith('-') && /\.conf$/.test(a))) {
    await log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
  }
  await log('M', '*', 'monotonic clock: POSIX clock_gettime');
  await log('M', '*', `Running mode=standalone, port=${port}.`);
  await log('M', '*', 'Server initialized');
  let db = new Map<string, Entry>();
  try {
    const start = now();
    db = readRdb(ctx.fs.readFile('dump.rdb'));
    await log('M', '*', `Loading RDB produced by version 7.4.2`);
    await log('M', '*', `RDB age ${Math.max(0, Math.round((now() - start) / 1000))} seconds`);
    await log('M', '*', 'RDB memory usage when created 0.90 Mb');
    await log('M', '*', `Done loading RDB, keys loaded: ${db.size}, keys expired: 0.`);
    await log('M', '*', 'DB loaded from disk: 0.000 seconds');
  } catch {
    // no dump.rdb yet
  }
  const net = ctx.sys.net;
  if (!net) return 1;
  let listener;
  try {
    listener = net.listen(port);
  } catch (e) {
    await log('M', '#', `Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`);
    await log('M', '#', 'Failed listening on port 6379 (tcp), aborting.');
    void e;
    return 1;
  }
  await log('M', '*', 'Ready to accept connections tcp');
  const save = () => {
    ctx.fs.writeFile('dump.rdb', writeRdb(db), { mode: 0o644 });
    return log('M', '*', 'DB saved on disk');
  };
  const alive = (k: string): Entry | undefined => {
    const e = db.get(k);
    if (e?.expires && e.expires <= now()) {
      db.delete(k);
      return undefined;
    }
    return e;
  };
  let stopping: (() => void) | undefined;
  const stopped = new Promise<void>((r) => (stopping = r));
  const exec = async (argv: string[]): Promise<unknown> => {
    const [cmd = '', ...a] = argv;
    const c = cmd.toLowerCase();
    const need = (n: number, exact = true) => (exact ? a.length !== n : a.length < n);
    const wrong = err(`ERR wrong number of arguments for '${c}' command`);
    switch (c) {
      case 'ping': return a.length ? a[0] : { status: 'PONG' };
      case 'echo': return need(1) ? wrong : a[0];
      case 'set': {
        if (need(2, false)) return wrong;
        const opts = a.slice(2).map((x) => x.toUpperCase());
        if (opts.includes('NX') && alive(a[0])) return null;
        if (opts.includes('XX') && !alive(a[0])) return null;
        const ex = opts.indexOf('EX');
        const px = opts.indexOf('PX');
        const expires = ex >= 0 ? now() + Number(a[2 + ex + 1]) * 1000 : px >= 0 ? now() + Number(a[2 + px + 1]) : undefined;
        db.set(a[0], { v: a[1], ...(expires ? { expires } : {}) });
        return OK;
      }
      case 'get': {
        if (need(1)) return wrong;
        const e = alive(a[0]);
        if (e && typeof e.v !== 'string') return err('WRONGTYPE Operation against a key holding the wrong kind of value');
        return e ? e.v : null;
      }
      case 'mget': return a.map((k) => {
        const e = alive(k);
        return e && typeof e.v === 'string' ? e.v : null;
      });
      case 'mset': {
        if (a.length === 0 || a.length % 2) return wrong;
        for (let k = 0; k < a.length; k += 2) db.set(a[k], { v: a[k + 1] });
        return OK;
      }
      case 'append': {
        if (need(2)) return wrong;
        const e = alive(a[0]);
        const v = (typeof e?.v === 'string' ? e.v : '') + a[1];
        db.set(a[0], { v });
        return enc.encode(v).length;
      }
      case 'incr': case 'decr': case 'incrby': case 'decrby': {
        if (need(c.endsWith('by') ? 2 : 1)) return wrong;
        const e = alive(a[0]);
        const cur = e ? Number(e.v) : 0;
        if (e && (typeof e.v !== 'string' || !/^-?\d+$/.test(e.v))) return err('ERR value is not an integer or out of range');
        const by = c.endsWith('by') ? Number(a[1]) : 1;
        const n = c.startsWith('incr') ? cur + by : cur - by;
        db.set(a[0], { v: String(n), ...(e?.expires ? { expires: e.expires } : {}) });
        return n;
      }
      case 'del': return need(1, false) ? wrong : a.filter((k) => alive(k) && db.delete(k)).length;
      case 'exists': return need(1, false) ? wrong : a.filter((k) => alive(k)).length;
      case 'keys': return need(1) ? wrong : [...db.keys()].filter((k) => alive(k) && glob(a[0]).test(k));
      case 'type': {
        const e = alive(a[0] ?? '');
        return { status: !e ? 'none' : typeof e.v === 'string' ? 'string' : 'list' };
      }
      case 'expire': {
        if (need(2)) return wrong;
        const e = alive(a[0]);
        if (!e) return 0;
        e.expires = now() + Number(a[1]) * 1000;
        return 1;
      }
      case 'ttl': {
        const e = alive(a[0] ?? '');
        return !e ? -2 : e.expires ? Math.ceil((e.expires - now()) / 1000) : -1;
      }
      case 'persist': {
        const e = alive(a[0] ?? '');
        if (!e?.expires) return 0;
        delete e.expires;
        return 1;
      }
      case 'lpush': case 'rpush': {
        if (need(2, false)) return wrong;
        const e = alive(a[0]);
        if (e && typeof e.v === 'string') return err('WRONGTYPE Operation against a key holding the wrong kind of value');
        const list = e ? (e.v as string[]) : [];
        for (const x of a.slice(1)) c === 'lpush' ? list.unshift(x) : list.push(x);
        db.set(a[0], { v: list });
        return list.length;
      }
      case 'lrange': {
        if (need(3)) return wrong;
        const e = alive(a[0]);
        const list = e && Array.isArray(e.v) ? e.v : [];
        const norm = (x: number) => (x < 0 ? list.length + x : x);
        return list.slice(norm(Number(a[1])), norm(Number(a[2])) + 1);
      }
      case 'lpop': case 'rpop': {
        if (need(1)) return wrong;
        const e = alive(a[0]);
        if (e && !Array.isArray(e.v)) return err('WRONGTYPE Operation against a key holding the wrong kind of value');
        if (!e) return null;
        const list = e.v as string[];
        const x = c === 'lpop' ? list.shift() : list.pop();
        // Redis deletes a list when its last element goes.
        if (!list.length) db.delete(a[0]);
        return x ?? null;
      }
      case 'llen': {
        const e = alive(a[0] ?? '');
        return e && Array.isArray(e.v) ? e.v.length : 0;
      }
      case 'dbsize': return [...db.keys()].filter((k) => alive(k)).length;
      case 'flushall': case 'flushdb': db.clear(); return OK;
      case 'save': await save(); return OK;
      case 'bgsave':
        await log('M', '*', `Background saving started by pid ${me + 100}`);
        await save();
        await log('M', '*', 'Background saving terminated with success');
        return { status: 'Background saving started' };
      case 'info': {
        const sections: Record<string, string> = {
          server: `# Server\r\nredis_version:7.4.2\r\nredis_mode:standalone\r\nos:Linux ${KERNEL.release} x86_64\r\ntcp_port:${port}\r\n`,
          keyspace: `# Keyspace\r\n${db.size ? `db0:keys=${db.size},expires=${[...db.values()].filter((e) => e.expires).length},avg_ttl=0\r\n` : ''}`,
        };
        // INFO [section]: one section, or all of them; an unknown section is an empty reply.
        const want = (a[0] ?? 'default').toLowerCase();
        return ['default', 'all', 'everything'].includes(want) ? Object.values(sections).join('\r\n') : (sections[want] ?? '');
      }
      case 'command': return [];
      case 'client': return OK;
      case 'select': return a[0] === '0' ? OK : err('ERR DB index is out of range');
      case 'shutdown':
        await log('M', '#', 'User requested shutdown...');
        if ((a[0] ?? '').toUpperCase() !== 'NOSAVE') {
          await log('M', '*', 'Saving the final RDB snapshot before exiting.');
          await save();
        }
        await log('M', '#', 'Redis is now ready to exit, bye bye...');
        stopping?.();
        return undefined;
      default:
        // A command real Redis has but this model lacks must not pass for an unknown one.
        if (NOT_MODELLED.has(c)) return err(`ERR '${c}' is a real Redis command that this Docker simulator does not model (strings, lists, expiry, SAVE are); try it on a real Docker machine`);
        return err(`ERR unknown command '${cmd}', with args beginning with: ${a.slice(0, 3).map((x) => `'${x}' `).join('')}`);
    }
  };
  const serve = async (sock: Socket) => {
    let buf = '';
    try {
      for (;;) {
        const chunk = await sock.input.read(ctx.signal);
        if (!chunk) break;
        buf += dec.decode(chunk);
        for (;;) {
          const p = parseResp(buf);
          if (!p) break;
          buf = p.rest;
          const argv = (Array.isArray(p.value) ? p.value : []).map(String);
          if (!argv.length) continue;
          const r = await exec(argv);
          if (r !== undefined) await sock.output.write(enc.encode(reply(r)));
        }
      }
    } finally {
      sock.close();
    }
  };
  const onSignal = (sig: number) => {
    void ctx.stdout.write(`${me}:signal-handler (${Math.floor(now() / 1000)}) Received ${sig === SIGNALS.SIGINT ? 'SIGINT' : 'SIGTERM'} scheduling shutdown...\n`).then(async () => {
      await log('M', '*', 'User requested shutdown...');
      await log('M', '*', 'Saving the final RDB snapshot before exiting.');
      await save();
      await log('M', '#', 'Redis is now ready to exit, bye bye...');
      stopping?.();
    });
  };
  ctx.proc.setSignal(SIGNALS.SIGTERM, onSignal);
  ctx.proc.setSignal(SIGNALS.SIGINT, onSignal);
  const acceptLoop = (async () => {
    for (;;) {
      const s = await listener.accept(ctx.signal);
      void serve(s).catch(() => {});
    }
  })();
  await Promise.race([stopped, acceptLoop]);
  listener.close();
  return 0;
}

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
