/**
 * nginx as the official image runs it (`nginx -g 'daemon off;'`): a master process that renames
 * itself, writes /run/nginx.pid and its temp directories, logs its notices to the error log
 * (/dev/stderr in the image) and starts worker processes that accept HTTP connections on port 80
 * and serve files from the `root` of /etc/nginx/conf.d/default.conf, logging each request in the
 * combined format to the access log (/dev/stdout). SIGQUIT (the image's STOPSIGNAL) and SIGTERM
 * end it cleanly, as `docker stop` expects; `nginx -s reload|stop|quit`, `-v`, `-t` work too.
 * Workers log under their own PIDs; SIGQUIT retires them gracefully, SIGTERM at once, and the master
 * reaps them (SIGCHLD, "exited with code 0"). SIGHUP re-reads default.conf (root, index; not a new
 * listen port), starts new workers and retires the old ones, as a real reload logs it.
 */
import { NetError, SIGNALS, type ChildProcess, type Listener, type ProgramContext, type Socket } from '../../process/types';
import { readRequest, STATUS_TEXT } from './http';
import { KERNEL } from '../sysinfo';

const enc = new TextEncoder();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

function errTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}
function logTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}
function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

interface Conf {
  port: number;
  root: string;
  index: string[];
}

/** The few directives of the stock config that decide what is served. */
function readConf(ctx: ProgramContext): Conf {
  const conf: Conf = { port: 80, root: '/usr/share/nginx/html', index: ['index.html', 'index.htm'] };
  let text = '';
  try {
    text = ctx.fs.readText('/etc/nginx/conf.d/default.conf');
  } catch {
    return conf;
  }
  const listen = /^\s*listen\s+(\d+)\s*;/m.exec(text);
  if (listen) conf.port = Number(listen[1]);
  const root = /^\s*root\s+(\S+)\s*;/m.exec(text);
  if (root) conf.root = root[1];
  const index = /^\s*index\s+([^;]+);/m.exec(text);
  if (index) conf.index = index[1].trim().split(/\s+/);
  return conf;
}

const TYPES: Record<string, string> = { html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json', png: 'image/png', jpg: 'image/jpeg', txt: 'text/plain', svg: 'image/svg+xml', ico: 'image/x-icon' };

function errorPage(status: number, version: string): string {
  const text = `${status} ${STATUS_TEXT[status] ?? ''}`;
  return `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** `conn` is the worker's connection counter, as `*N` in error log lines. */
async function serve(ctx: ProgramContext, sock: Socket, conf: Conf, version: string, log: (line: string) => Promise<void>, err: (line: string) => Promise<void>, conn = 1): Promise<void> {
  const wpid = ctx.proc.info.nsPid;
  try {
    const req = await readRequest(sock, ctx.signal);
    if (!req) return;
    const now = ctx.sys.clock.now();
    let status = 200;
    let body: Uint8Array = new Uint8Array();
    const headers: [string, string][] = [['Server', `nginx/${version}`], ['Date', httpDate(now)]];
    let path: string | undefined;
    try {
      path = decodeURIComponent(req.path.split('?')[0]);
    } catch {
      // A `%` not followed by two hex digits: nginx refuses the request line.
      path = undefined;
    }
    if (path === undefined) {
      status = 400;
      body = enc.encode(errorPage(400, version));
      headers.push(['Content-Type', 'text/html']);
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      status = 405;
      body = enc.encode(errorPage(405, version));
      headers.push(['Content-Type', 'text/html']);
    } else {
      let file = `${conf.root}${path}`;
      let found = false;
      try {
        const st = ctx.fs.stat(file);
        if (st.kind === 'dir') {
          if (!path.endsWith('/')) {
            status = 301;
            headers.push(['Location', `http://${headerOf(req.headers, 'host') ?? 'localhost'}${path}/`]);
            body = enc.encode(errorPage(301, version));
          } else {
            for (const i of conf.index) {
              if (ctx.fs.exists(`${file}${i}`)) {
                file = `${file}${i}`;
                found = true;
                break;
              }
            }
            if (!found) status = 403;
          }
        } else found = true;
      } catch {
        status = 404;
      }
      if (found && status === 200) {
        try {
          body = ctx.fs.readFile(file);
          const st = ctx.fs.stat(file);
          const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
          headers.push(['Content-Type', TYPES[ext] ?? 'application/octet-stream'], ['Content-Length', String(body.length)], ['Last-Modified', httpDate(st.mtime)], ['Connection', 'close'], ['ETag', `"${Math.floor(st.mtime / 1000).toString(16)}-${body.length.toString(16)}"`], ['Accept-Ranges', 'bytes']);
        } catch {
          status = 403;
        }
      }
      if (status === 404 || status === 403) {
        if (status === 404) await err(`${errTime(now)} [error] ${wpid}#${wpid}: *${conn} open() "${conf.root}${path}" failed (2: No such file or directory), client: ${sock.remoteAddress}, server: localhost, request: "${req.method} ${req.path} ${req.version}", host: "${headerOf(req.headers, 'host') ?? ''}"`);
        body = enc.encode(errorPage(status, version));
        headers.push(['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'close']);
      } else if (status !== 200) headers.push(['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'close']);
    }
    const head = `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ''}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    await sock.output.write(enc.encode(head));
    if (req.method !== 'HEAD') await sock.output.write(body);
    const ua = headerOf(req.headers, 'user-agent') ?? '-';
    const ref = headerOf(req.headers, 'referer') ?? '-';
    await log(`${sock.remoteAddress} - - [${logTime(now)}] "${req.method} ${req.path} ${req.version}" ${status} ${req.method === 'HEAD' ? 0 : body.length} "${ref}" "${ua}" "-"`);
  } finally {
    sock.close();
  }
}

function headerOf(h: [string, string][], name: string): string | undefined {
  return h.find(([k]) => k.toLowerCase() === name)?.[1];
}

export async function nginx(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const version = ctx.env.NGINX_VERSION || '1.27.4';
  if (args.includes('-v') || args.includes('-V')) {
    await ctx.stderr.write(`nginx version: nginx/${version}\n`);
    return 0;
  }
  if (args.includes('-t') || args.includes('-T')) {
    await ctx.stderr.write('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    return 0;
  }
  const s = args.indexOf('-s');
  if (s >= 0) {
    const sig = { stop: SIGNALS.SIGTERM, quit: SIGNALS.SIGQUIT, reload: SIGNALS.SIGHUP, reopen: SIGNALS.SIGUSR1 }[args[s + 1] as 'stop'];
    if (!sig) {
      await ctx.stderr.write(`nginx: invalid option: "-s ${args[s + 1] ?? ''}"\n`);
      return 1;
    }
    let pid: number;
    try {
      pid = Number(ctx.fs.readText('/run/nginx.pid').trim());
    } catch {
      await ctx.stderr.write(`${errTime(ctx.sys.clock.now())} [error] ${ctx.proc.info.nsPid}#${ctx.proc.info.nsPid}: open() "/run/nginx.pid" failed (2: No such file or directory)\nnginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n`);
      return 1;
    }
    await ctx.stderr.write(`${errTime(ctx.sys.clock.now())} [notice] ${ctx.proc.info.nsPid}#${ctx.proc.info.nsPid}: signal process started\n`);
    ctx.sys.kill(pid, sig, ctx.proc);
    return 0;
  }
  const daemonOff = args.some((a) => /daemon\s+off/.test(a));
  const me = ctx.proc.info.nsPid;
  let conf = readConf(ctx);
  const err = (line: string) => ctx.stderr.write(line + '\n');
  const note = (msg: string) => err(`${errTime(ctx.sys.clock.now())} [notice] ${me}#${me}: ${msg}`);
  const net = ctx.sys.net;
  let listener: Listener;
  try {
    if (!net) throw new NetError('EACCES', 'no network');
    listener = net.listen(conf.port);
  } catch (e) {
    const why = e instanceof NetError && e.code === 'EADDRINUSE' ? '98: Address already in use' : '99: Cannot assign requested address';
    await err(`${errTime(ctx.sys.clock.now())} [emerg] ${me}#${me}: bind() to 0.0.0.0:${conf.port} failed (${why})`);
    await err(`nginx: [emerg] bind() to 0.0.0.0:${conf.port} failed (${why})`);
    return 1;
  }
  try {
    ctx.fs.writeFile('/run/nginx.pid', `${me}\n`);
    for (const t of ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp']) {
      if (!ctx.fs.exists(`/var/cache/nginx/${t}`)) ctx.fs.mkdir(`/var/cache/nginx/${t}`, { recursive: true, mode: 0o700 });
    }
  } catch {
    // a read-only root: nginx would fail here; keep serving so the lesson goes on
  }
  ctx.proc.setArgv(['nginx: master process ' + ['nginx', ...args].join(' ')]);
  await note('using the "epoll" event method');
  await note(`nginx/${version}`);
  await note('built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ');
  await note(`OS: Linux ${KERNEL.release}`);
  await note('getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  const sys = ctx.sys as typeof ctx.sys & { fork?: (parent: typeof ctx.proc, opts: Record<string, unknown>, body: (c: ProgramContext) => Promise<number>) => Promise<ChildProcess> };
  const log = (line: string) => ctx.stdout.write(line + '\n');
  interface Worker {
    child: ChildProcess;
    pid: number;
  }
  // A worker serves until its master tells it to go: SIGQUIT lets it finish ("gracefully shutting
  // down"), SIGTERM makes it leave at once; either way it logs under its own PID and exits 0.
  const workerBody = async (w: ProgramContext): Promise<number> => {
    w.proc.setArgv(['nginx: worker process']);
    const wpid = w.proc.info.nsPid;
    const wnote = (msg: string) => err(`${errTime(w.sys.clock.now())} [notice] ${wpid}#${wpid}: ${msg}`);
    const quit = new AbortController();
    let leaving: ((graceful: boolean) => void) | undefined;
    const left = new Promise<boolean>((resolve) => (leaving = resolve));
    w.proc.setSignal(SIGNALS.SIGQUIT, () => leaving?.(true));
    w.proc.setSignal(SIGNALS.SIGTERM, () => leaving?.(false));
    w.signal.addEventListener('abort', () => quit.abort(w.signal.reason), { once: true });
    const mine = conf;
    let conn = 0;
    for (;;) {
      const next = await Promise.race([listener.accept(quit.signal), left]);
      if (typeof next === 'boolean') {
        quit.abort();
        if (next) await wnote('gracefully shutting down');
        await wnote('exiting');
        await wnote('exit');
        return 0;
      }
      void serve(w, next, mine, version, log, err, ++conn).catch(() => {});
    }
  };
  const startWorkers = async (): Promise<Worker[]> => {
    const out: Worker[] = [];
    await note('start worker processes');
    for (let i = 0; i < 2; i++) {
      if (!sys.fork) break;
      const child = await sys.fork(ctx.proc, { argv: ['nginx'], env: ctx.env, cwd: '/', stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr }, workerBody);
      // The worker's PID as this PID namespace numbers it.
      const seen = ctx.sys.processes(ctx.proc).filter((p) => p.ppid === me && p.pid !== me && !out.some((o) => o.pid === p.pid) && !workers.some((o) => o.pid === p.pid));
      const pid = seen[seen.length - 1]?.pid ?? child.pid;
      out.push({ child, pid });
      await note(`start worker process ${pid}`);
    }
    return out;
  };
  /** Ask workers to leave and reap them, logging what the master sees (SIGCHLD, exit codes). */
  const retire = async (old: Worker[], sig: number): Promise<void> => {
    for (const w of old) w.child.kill(sig);
    for (const w of old) await w.child.wait();
    if (old.length) await note(`signal 17 (SIGCHLD) received from ${old[old.length - 1].pid}`);
    for (const w of old) await note(`worker process ${w.pid} exited with code 0`);
  };
  let workers: Worker[] = [];
  workers = await startWorkers();
  let ending: ((sig: number) => void) | undefined;
  const done = new Promise<number>((resolve) => (ending = resolve));
  const stop = (sig: number) => ending?.(sig);
  for (const sig of [SIGNALS.SIGQUIT, SIGNALS.SIGTERM, SIGNALS.SIGINT]) ctx.proc.setSignal(sig, stop);
  // Reload: read the configuration again, start new workers, retire the old ones gracefully. The
  // sender is whoever is running `nginx -s reload` now (siginfo's si_pid); 0 from outside (docker kill).
  let reloading = Promise.resolve();
  ctx.proc.setSignal(SIGNALS.SIGHUP, () => {
    reloading = reloading.then(async () => {
      const from = ctx.sys.processes(ctx.proc).find((p) => p.argv[0] === 'nginx' && p.argv.includes('-s'))?.pid ?? 0;
      await note(`signal 1 (SIGHUP) received from ${from}, reconfiguring`);
      await note('reconfiguring');
      conf = readConf(ctx);
      await note('using the "epoll" event method');
      const old = workers;
      workers = await startWorkers();
      await retire(old, SIGNALS.SIGQUIT);
      await note('signal 29 (SIGIO) received');
    });
  });
  void daemonOff;
  const sig = await Promise.race([done, new Promise<number>((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true }))]);
  await reloading;
  const name = sig === SIGNALS.SIGQUIT ? 'SIGQUIT' : sig === SIGNALS.SIGTERM ? 'SIGTERM' : 'SIGINT';
  await note(`signal ${sig} (${name}) received, ${sig === SIGNALS.SIGQUIT ? 'shutting down' : 'exiting'}`);
  listener.close();
  await retire(workers, sig === SIGNALS.SIGQUIT ? SIGNALS.SIGQUIT : SIGNALS.SIGTERM);
  try {
    ctx.fs.unlink('/run/nginx.pid');
  } catch {
    // already gone
  }
  await note('exit');
  return 0;
}
