/**
 * flask, once `pip install` put it in site-packages: routes, jsonify, request, and `app.run` /
 * `flask run` serving HTTP over the simulated sockets with werkzeug's log lines.
 */
import type { Socket } from '../../process/types';
import { readRequest } from '../net/http';
import { bi, EXC, Interp, iterate, PyClass, PyDict, PyError, PyList, PyModule, PyObject, PyTuple, str, type Py } from './interp';
import { formatTraceback, jsonDump, n, type PyEnv } from './modules';

const enc = new TextEncoder();

const WERKZEUG = '3.0.3';

export function flaskModule(env: PyEnv, interp: Interp): PyModule {
  const m = new Map<string, Py>();
  const request = new PyObject('Request');
  m.set('request', request);
  m.set('jsonify', bi('jsonify', (a, kw) => {
    let v: Py = a.length === 1 ? a[0] : new PyList(a);
    if (!a.length) {
      const d = new PyDict();
      for (const [k, x] of kw) d.set(k, x);
      v = d;
    }
    const r = new PyObject('Response');
    r.attrs.set('body', jsonDump(v, 2) + '\n');
    r.attrs.set('content_type', 'application/json');
    return r;
  }));
  m.set('Flask', new PyClass('Flask', [], (a) => {
    const app = new PyObject('Flask');
    const routes: { rule: string; re: RegExp; params: string[]; fn: Py; methods: string[] }[] = [];
    const importName = str(a[0] ?? '__main__');
    const appName = importName === '__main__' ? env.mainFile.split('/').pop()!.replace(/\.py$/, '') : importName;
    app.attrs.set('name', appName);
    app.attrs.set('route', bi('route', (ra, kw) => {
      const rule = str(ra[0]);
      const params: string[] = [];
      const re = new RegExp('^' + rule.replace(/<(?:\w+:)?(\w+)>/g, (_m, p: string) => {
        params.push(p);
        return '([^/]+)';
      }) + '$');
      const methods = kw.get('methods') ? iterate(kw.get('methods')!).map((x) => str(x).toUpperCase()) : ['GET'];
      return bi('decorator', (fa) => {
        routes.push({ rule, re, params, fn: fa[0], methods });
        return fa[0];
      });
    }));
    app.attrs.set('run', bi('run', async (_ra, kw) => {
      await serve(env, interp, routes, request, {
        host: kw.has('host') ? str(kw.get('host')!) : '127.0.0.1',
        port: kw.has('port') ? n(kw.get('port')) : 5000,
        banner: appName,
      });
      return null;
    }));
    (app as PyObject & { routes?: typeof routes }).routes = routes;
    return app;
  }));
  return new PyModule('flask', m);
}

export async function serve(
  env: PyEnv,
  interp: Interp,
  routes: { rule: string; re: RegExp; params: string[]; fn: Py; methods: string[] }[],
  request: PyObject,
  opts: { host: string; port: number; banner: string },
): Promise<void> {
  const { ctx } = env;
  const py2 = env.version.startsWith('2');
  const net = ctx.sys.net;
  if (!net) return;
  let listener;
  try {
    listener = net.listen(opts.port, { address: opts.host });
  } catch {
    await ctx.stderr.write(`Address already in use\nPort ${opts.port} is in use by another program. Either identify and stop that program, or start the server with a different port.\n`);
    throw new PyError(EXC.SystemExit, '1');
  }
  const eth = net.interfaces().find((i) => i.name !== 'lo')?.addresses[0]?.address;
  if (py2) {
    await ctx.stdout.write(` * Serving Flask app "${opts.banner}" (lazy loading)\n * Environment: production\n   WARNING: This is a development server. Do not use it in a production deployment.\n   Use a production WSGI server instead.\n * Debug mode: off\n`);
    await ctx.stderr.write(` * Running on http://${opts.host}:${opts.port}/ (Press CTRL+C to quit)\n`);
  } else {
    await ctx.stdout.write(` * Serving Flask app '${opts.banner}'\n * Debug mode: off\n`);
    let lines = 'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\n';
    if (opts.host === '0.0.0.0') lines += ` * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:${opts.port}\n${eth ? ` * Running on http://${eth}:${opts.port}\n` : ''}`;
    else lines += ` * Running on http://${opts.host}:${opts.port}\n`;
    await ctx.stderr.write(lines + 'Press CTRL+C to quit\n');
  }
  // werkzeug's serve_forever: `except KeyboardInterrupt: pass`, then server_close(); app.run()
  // returns and the script goes on (usually to its end: exit 0).
  try {
    for (;;) {
      const sock = await listener.accept(ctx.signal);
      void handle(sock).catch(() => {});
    }
  } catch (e) {
    if (!(e instanceof PyError && e.cls === EXC.KeyboardInterrupt)) throw e;
    interp.rt.interrupts?.delivered(e);
  } finally {
    listener.close();
  }

  async function handle(sock: Socket): Promise<void> {
    try {
      const req = await readRequest(sock, ctx.signal);
      if (!req) return;
      const [path, query = ''] = req.path.split('?');
      request.attrs.set('method', req.method);
      request.attrs.set('path', path);
      const args = new PyDict();
      for (const kv of query.split('&').filter(Boolean)) {
        const [k, v = ''] = kv.split('=');
        args.set(decodeURIComponent(k), decodeURIComponent(v));
      }
      request.attrs.set('args', args);
      let status = 200;
      let body = '';
      let type = 'text/html; charset=utf-8';
      const route = routes.find((r) => r.re.test(path));
      if (!route) {
        status = 404;
        body = '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
      } else if (!route.methods.includes(req.method) && !(req.method === 'HEAD' && route.methods.includes('GET'))) {
        status = 405;
        body = '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n';
      } else {
        const m = route.re.exec(path)!;
        const kw = new Map<string, Py>(route.params.map((p, i) => [p, decodeURIComponent(m[i + 1])]));
        try {
          let r = await interp.call(route.fn, [], kw);
          if (r instanceof PyTuple) {
            status = n(r.items[1]);
            r = r.items[0];
          }
          if (r instanceof PyObject && r.cls === 'Response') {
            body = str(r.attrs.get('body') ?? '');
            type = str(r.attrs.get('content_type') ?? type);
          } else if (r instanceof PyDict || r instanceof PyList) {
            body = jsonDump(r, 2) + '\n';
            type = 'application/json';
          } else body = str(r);
        } catch (e) {
          status = 500;
          body = '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n';
          if (e instanceof PyError) await ctx.stderr.write(`[${new Date(ctx.sys.clock.now()).toISOString().replace('T', ' ').slice(0, 19)},000] ERROR in app: Exception on ${path} [${req.method}]\n${formatTraceback(e)}`);
          else throw e;
        }
      }
      const bytes = enc.encode(body);
      const server = py2 ? `Werkzeug/1.0.1 Python/${env.version}` : `Werkzeug/${WERKZEUG} Python/${env.version}`;
      const statusText = { 200: 'OK', 404: 'NOT FOUND', 405: 'METHOD NOT ALLOWED', 500: 'INTERNAL SERVER ERROR' }[status] ?? 'OK';
      await sock.output.write(enc.encode(`HTTP/1.1 ${status} ${statusText}\r\nServer: ${server}\r\nDate: ${new Date(ctx.sys.clock.now()).toUTCString()}\r\nContent-Type: ${type}\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`));
      if (req.method !== 'HEAD') await sock.output.write(bytes);
      const d = new Date(ctx.sys.clock.now());
      const stamp = `${String(d.getUTCDate()).padStart(2, '0')}/${d.toUTCString().slice(8, 11)}/${d.getUTCFullYear()} ${d.toISOString().slice(11, 19)}`;
      await ctx.stderr.write(`${sock.remoteAddress} - - [${stamp}] "${req.method} ${req.path} ${req.version}" ${status} -\n`);
    } finally {
      sock.close();
    }
  }
}

