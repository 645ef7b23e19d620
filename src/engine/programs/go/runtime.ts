/**
 * The runner of built Go programs (`goprog`): it reads the source that rides in its executable
 * after the marker line and models the subset the notes' programs use — fmt in main, net/http and
 * gin servers with their routes, log lines and answers. `go.ts` builds the executables and runs
 * `go run` through `runGo`.
 */
import { SIGNALS, type ProgramContext, type Socket } from '../../process/types';
import { readRequest } from '../net/http';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The first line of a built executable: the program marker naming this runner. */
export const MARK = '\x7fELF sim:goprog\n';

/** A built Go program: its source rides in the executable after the marker line. */
export async function goprog(ctx: ProgramContext): Promise<number> {
  const self = ctx.sys.which(ctx.argv[0], ctx.env, ctx.fs) ?? ctx.argv[0];
  let src = '';
  try {
    src = dec.decode(ctx.fs.readFile(self)).slice(MARK.length);
  } catch {
    await ctx.stderr.write(`${ctx.argv[0]}: cannot read its own executable\n`);
    return 1;
  }
  return runGo(ctx, src, ctx.argv);
}

interface Route {
  method: string;
  path: string;
  /** What gin's debug log names the handler: main.Pong, or main.main.func1 for a literal. */
  name: string;
  body: string;
}

/** The text between the parenthesis at `open` and its match. */
function parenArgs(src: string, open: number): string {
  let depth = 0;
  let q = '';
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = '';
      continue;
    }
    if (c === '"' || c === '`') q = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return src.slice(open + 1, i);
  }
  return src.slice(open + 1);
}

/** Routes registered by calls like `r.GET("/ping", Pong)` or `http.HandleFunc("/", func(w …) {…})`. */
function routes(src: string, main: string, call: RegExp): Route[] {
  const out: Route[] = [];
  let literals = 0;
  for (const m of main.matchAll(call)) {
    const [path, ...rest] = splitTop(parenArgs(main, m.index + m[0].length - 1), ',');
    const handler = rest.join(',').trim();
    let name: string;
    let body: string;
    if (/^\w+$/.test(handler)) {
      name = `main.${handler}`;
      body = funcBody(src, handler) ?? '';
    } else {
      name = `main.main.func${++literals}`;
      body = handler.slice(handler.indexOf('{') + 1, handler.lastIndexOf('}'));
    }
    try {
      out.push({ method: m[1] ?? '*', path: goString(path.trim()), name, body });
    } catch {
      /* a computed path: not modelled, the route is left out */
    }
  }
  return out;
}

/** A Go string or raw string literal's value. */
function goString(lit: string): string {
  if (lit.startsWith('`')) return lit.slice(1, -1);
  return JSON.parse(lit.replace(/\\'/g, "'")) as string;
}

/** gin.H{...} / map literal to a JS value (strings, numbers, booleans, nested H). */
function goValue(text: string): unknown {
  const t = text.trim();
  if (/^"(?:[^"\\]|\\.)*"$|^`[^`]*`$/.test(t)) return goString(t);
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'nil') return null;
  const h = /^(?:gin\.H|map\[string\](?:interface\{\}|any|string))\s*\{([\s\S]*)\}$/.exec(t);
  if (h) {
    const obj: Record<string, unknown> = {};
    for (const [k, v] of splitPairs(h[1])) obj[goString(k.trim())] = goValue(v);
    return obj;
  }
  throw new Error(`value ${t}`);
}

function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let q = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      cur += c;
      if (c === '\\' && q === '"') cur += s[++i];
      else if (c === q) q = '';
      continue;
    }
    if (c === '"' || c === '`') q = c;
    if ('{([<'.includes(c) && c !== '<') depth++;
    if ('})]'.includes(c)) depth--;
    if (c === sep && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

function splitPairs(body: string): [string, string][] {
  return splitTop(body.replace(/\/\/.*$/gm, ''), ',').filter((p) => p.trim()).map((p) => {
    const i = splitTop(p, ':')[0].length;
    return [p.slice(0, i), p.slice(i + 1)];
  });
}

/** The body of `func name(...) { ... }` (braces matched). */
function funcBody(src: string, name: string): string | undefined {
  const m = new RegExp(`func\\s+${name}\\s*\\([^)]*\\)[^{]*\\{`).exec(src);
  if (!m) return undefined;
  let depth = 1;
  let i = m.index + m[0].length;
  const start = i;
  for (; i < src.length && depth; i++) {
    if (src[i] === '{') depth++;
    else if (src[i] === '}') depth--;
  }
  return src.slice(start, i - 1);
}

const STATUS: Record<string, number> = { StatusOK: 200, StatusCreated: 201, StatusNotFound: 404, StatusBadRequest: 400, StatusInternalServerError: 500 };

function statusOf(expr: string): number {
  const t = expr.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /http\.(\w+)/.exec(t);
  return m && STATUS[m[1]] ? STATUS[m[1]] : 200;
}

async function printCalls(ctx: ProgramContext, body: string): Promise<void> {
  for (const m of body.matchAll(/fmt\.(Println|Printf|Print)\(([\s\S]*?)\)\s*$/gm)) {
    const args = splitTop(m[2], ',').map((a) => a.trim());
    try {
      const vals = args.map((a) => goValue(a));
      if (m[1] === 'Println') await ctx.stdout.write(vals.map(String).join(' ') + '\n');
      else if (m[1] === 'Print') await ctx.stdout.write(vals.map(String).join(''));
      else {
        let k = 1;
        await ctx.stdout.write(String(vals[0]).replace(/%[vsdq]/g, () => String(vals[k++])));
      }
    } catch {
      await ctx.stdout.write(`[this Go statement is not simulated: fmt.${m[1]}(${m[2]})]\n`);
    }
  }
}

export async function runGo(ctx: ProgramContext, src: string, argv: string[]): Promise<number> {
  void argv;
  const main = funcBody(src, 'main') ?? '';
  const usesGin = /gin\.(Default|New)\(\)/.test(main);
  const usesHttp = /http\.ListenAndServe\(/.test(main);
  await printCalls(ctx, main.split(/http\.ListenAndServe|\.Run\(/)[0]);
  if (!usesGin && !usesHttp) return 0;
  let table: Route[] = [];
  let port = 8080;
  if (usesGin) {
    table = routes(src, main, /\w+\.(GET|POST|PUT|DELETE|PATCH)\(/g);
    const run = /\.Run\(\s*(?:"([^"]*)")?\s*\)/.exec(main);
    if (run?.[1]) port = Number(run[1].split(':').pop());
    // gin's debugPrint and its Logger write to gin.DefaultWriter, which is os.Stdout.
    const w = (s: string) => ctx.stdout.write(s);
    await w('[GIN-debug] [WARNING] Creating an Engine instance with the Logger and Recovery middleware already attached.\n\n');
    await w('[GIN-debug] [WARNING] Running in "debug" mode. Switch to "release" mode in production.\n - using env:\texport GIN_MODE=release\n - using code:\tgin.SetMode(gin.ReleaseMode)\n\n');
    for (const r of table) await w(`[GIN-debug] ${r.method.padEnd(6)} ${r.path.padEnd(25)} --> ${r.name} (3 handlers)\n`);
    await w('[GIN-debug] [WARNING] You trusted all proxies, this is NOT safe. We recommend you to set a value.\nPlease check https://pkg.go.dev/github.com/gin-gonic/gin#readme-don-t-trust-all-proxies for details.\n');
    await w(`[GIN-debug] Listening and serving HTTP on :${port}\n`);
  } else {
    table = routes(src, main, /http\.HandleFunc\(/g);
    const l = /http\.ListenAndServe\(\s*"([^"]*)"/.exec(main);
    if (l) port = Number(l[1].split(':').pop());
  }
  const net = ctx.sys.net;
  if (!net) return 1;
  let listener;
  try {
    listener = net.listen(port);
  } catch {
    // The error comes back from Run/ListenAndServe: gin logs it, log.Fatal prints it and exits 1,
    // and a program that ignores it (the notes' `r.Run(":8083")`) just returns from main.
    const msg = `listen tcp :${port}: bind: address already in use`;
    const fatal = /log\.Fatal(?:ln|f)?\(\s*(?:http\.ListenAndServe|\w+\.Run)\(/.test(main);
    if (usesGin) await ctx.stderr.write(`[GIN-debug] [ERROR] ${msg}\n`);
    if (fatal) await ctx.stderr.write(`${goLogStamp(ctx)} ${msg}\n`);
    return fatal ? 1 : 0;
  }
  // The Go runtime turns SIGTERM/SIGINT/SIGHUP into death by that signal (the default disposition
  // here). As a container's PID 1 the kernel drops the re-raised signal, and runtime.dieFromSignal
  // falls back to exit(2): a Go server stops at once under `docker stop`, with status 2.
  let ending: ((code: number) => void) | undefined;
  const ended = new Promise<number>((resolve) => (ending = resolve));
  if (ctx.proc.info.nsPid === 1) for (const sig of [SIGNALS.SIGTERM, SIGNALS.SIGINT, SIGNALS.SIGHUP]) ctx.proc.setSignal(sig, () => ending?.(2));
  for (;;) {
    const next = await Promise.race([listener.accept(ctx.signal), ended]);
    if (typeof next === 'number') {
      listener.close();
      return next;
    }
    void answer(ctx, next, table, usesGin).catch(() => {});
  }
}

/** The standard logger's prefix: `2006/01/02 15:04:05`. */
function goLogStamp(ctx: ProgramContext): string {
  const d = new Date(ctx.sys.clock.now()).toISOString();
  return `${d.slice(0, 10).replace(/-/g, '/')} ${d.slice(11, 19)}`;
}

async function answer(ctx: ProgramContext, sock: Socket, routes: Route[], gin: boolean): Promise<void> {
  try {
    const req = await readRequest(sock, ctx.signal);
    if (!req) return;
    const path = req.path.split('?')[0];
    const route = routes.find((r) => (r.method === '*' || r.method === req.method) && (gin ? r.path === path : r.path === path || (r.path.endsWith('/') && path.startsWith(r.path))));
    let status = 404;
    let body = gin ? '404 page not found' : '404 page not found\n';
    // gin's serveError answers 404 as bare text/plain; net/http's NotFound adds charset and nosniff.
    let type = gin ? 'text/plain' : 'text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff';
    if (route) {
      const fn = route.body;
      const json = /c\.(?:JSON|IndentedJSON)\(([^,]+),\s*([\s\S]*)\)\s*\}?\s*$/.exec(fn.trim());
      const str = /c\.String\(([^,]+),\s*("(?:[^"\\]|\\.)*"|`[^`]*`)/.exec(fn);
      const fprintf = /fmt\.Fprint(?:f|ln)?\(\s*\w+\s*,\s*("(?:[^"\\]|\\.)*"|`[^`]*`)/.exec(fn);
      const write = /\w+\.Write\(\[\]byte\(("(?:[^"\\]|\\.)*"|`[^`]*`)\)\)/.exec(fn);
      try {
        if (json) {
          status = statusOf(json[1]);
          const v = goValue(json[2].trim().replace(/\)\s*$/, ''));
          // c.IndentedJSON is json.MarshalIndent(obj, "", "    "); c.JSON the compact form.
          body = /IndentedJSON/.test(fn) ? JSON.stringify(sortKeys(v), null, 4) : JSON.stringify(sortKeys(v));
          type = 'application/json; charset=utf-8';
        } else if (str) {
          status = statusOf(str[1]);
          body = goString(str[2]);
          type = 'text/plain; charset=utf-8';
        } else if (fprintf || write) {
          status = 200;
          body = goString((fprintf ?? write)![1]).replace(/%s|%v/g, path.slice(1));
          // net/http sniffs the first bytes (http.DetectContentType).
          type = /^\s*<(!doctype html|html|head|body|h1|p|div)/i.test(body) ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
        } else throw new Error('handler');
      } catch {
        status = 500;
        type = 'text/plain; charset=utf-8';
        body = 'this handler is not simulated in this Docker simulator; try it on a real Docker machine\n';
      }
    }
    const bytes = enc.encode(body);
    const date = new Date(ctx.sys.clock.now()).toUTCString();
    await sock.output.write(enc.encode(`HTTP/1.1 ${status} ${status === 200 ? 'OK' : status === 404 ? 'Not Found' : 'Internal Server Error'}\r\nContent-Type: ${type}\r\nDate: ${date}\r\nContent-Length: ${bytes.length}\r\n\r\n`));
    await sock.output.write(bytes);
    if (gin) {
      const d = new Date(ctx.sys.clock.now());
      const stamp = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')} - ${d.toISOString().slice(11, 19)}`;
      await ctx.stdout.write(`[GIN] ${stamp} | ${status} |      52.291µs | ${sock.remoteAddress.padStart(15)} | ${req.method.padEnd(7)}  "${path}"\n`);
    }
  } finally {
    sock.close();
  }
}

/** encoding/json writes map keys sorted. */
function sortKeys(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}
