/** The redis package: a RESP client (get/set/incr/delete/ping …, RedisError/ConnectionError). */
import { NetError, type Socket } from '../../process/types';
import { bi, EXC, PyClass, PyError, PyModule, PyObject, str, type Py } from './interp';
import { n, type PyEnv } from './modules';

const enc = new TextEncoder();
const dec = new TextDecoder();

export function redisModule(env: PyEnv): PyModule {
  const { ctx } = env;
  const m = new Map<string, Py>();
  const RedisError = new PyClass('RedisError', [EXC.Exception]);
  const ConnError = new PyClass('ConnectionError', [RedisError]);
  EXC.RedisError = RedisError;
  m.set('RedisError', RedisError);
  const exceptions = new PyModule('redis.exceptions', new Map<string, Py>([['RedisError', RedisError], ['ConnectionError', ConnError]]));
  m.set('exceptions', exceptions);
  m.set('Redis', new PyClass('Redis', [], (_a, kw) => {
    const host = kw.has('host') ? str(kw.get('host')!) : 'localhost';
    const port = kw.has('port') ? n(kw.get('port')) : 6379;
    const r = new PyObject('Redis');
    const command = async (argv: string[]): Promise<Py> => {
      const net = ctx.sys.net;
      let sock: Socket;
      try {
        if (!net) throw new NetError('ECONNREFUSED', 'refused');
        sock = await net.connect(host, port, ctx.signal);
      } catch (e) {
        const why = e instanceof NetError && e.code === 'ENOTFOUND' ? `Error -2 connecting to ${host}:${port}. Name or service not known.` : `Error 111 connecting to ${host}:${port}. Connection refused.`;
        throw new PyError(ConnError, why);
      }
      try {
        await sock.output.write(enc.encode(`*${argv.length}\r\n${argv.map((x) => `$${enc.encode(x).length}\r\n${x}\r\n`).join('')}`));
        let buf = '';
        for (;;) {
          const c = await sock.input.read(ctx.signal);
          if (!c) break;
          buf += dec.decode(c);
          if (/\r\n$/.test(buf) && (buf[0] !== '$' || buf.split('\r\n').length >= 3 || buf.startsWith('$-1'))) break;
        }
        const head = buf.slice(1, buf.indexOf('\r\n'));
        if (buf[0] === ':') return Number(head);
        if (buf[0] === '+') return head === 'OK' ? true : head;
        if (buf[0] === '-') throw new PyError(new PyClass('ResponseError', [RedisError]), head);
        if (buf[0] === '$') return head === '-1' ? null : buf.split('\r\n')[1];
        return null;
      } finally {
        sock.close();
      }
    };
    for (const [name, cmd] of [['get', 'GET'], ['set', 'SET'], ['incr', 'INCR'], ['decr', 'DECR'], ['delete', 'DEL'], ['exists', 'EXISTS'], ['ping', 'PING'], ['expire', 'EXPIRE']] as const) {
      r.attrs.set(name, bi(name, (a) => command([cmd, ...a.map(str)])));
    }
    return r;
  }));
  return new PyModule('redis', m);
}
