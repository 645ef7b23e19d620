/**
 * redis-server and redis-cli (7.4) over the simulated sockets: RESP on the wire, the string and
 * list commands a tutorial types (PING SET GET INCR DEL KEYS EXPIRE TTL …), SAVE writing a real
 * RDB file (dump.rdb in the working directory, /data in the image) that the next start loads, the
 * server's own log lines, and redis-cli's reply formatting (`(integer) 1`, `"value"`, `(nil)`),
 * interactive (`redis:6379>`) or one-shot, raw when its output is not a terminal.
 * This file is the server; the wire protocol, the RDB format and redis-cli have files of their own.
 */
import { KERNEL } from '../sysinfo';
import { SIGNALS, type ProgramContext, type Socket } from '../../process/types';
import { readRdb, writeRdb, type Entry } from './redis-rdb';
import { OK, err, parseResp, reply } from './redis-resp';

export { redisCli } from './redis-cli';

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


function stamp(ms: number): string {
  const d = new Date(ms);
  const mon = d.toUTCString().slice(8, 11);
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
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
