/**
 * `go` (version, env, mod init/tidy/download, build, run) for the notes' Go programs, and the
 * programs it builds. `go build` checks the package (package main, func main, its imports
 * against go.mod) and writes an executable whose marker names the `goprog` runner with the source
 * embedded, so the binary runs anywhere it is copied — `FROM scratch`, ubuntu, a later stage.
 *
 * The runner models the subset those programs use: fmt.Println/Printf/Print in main, net/http
 * (`http.HandleFunc` with `fmt.Fprintf`/`w.Write`, `http.ListenAndServe`) and gin (`gin.Default()`,
 * `r.GET/POST(path, handler)`, handlers answering `c.JSON(code, gin.H{...})` or `c.String(code,
 * "…")`, `r.Run(":port")`), with gin's debug log lines. Code outside that says it is not simulated.
 */
import { SIGNALS, type ProgramContext, type Socket } from '../../process/types';
import { readRequest } from '../net/http';
import { registerProgram } from '../registry';

const enc = new TextEncoder();
const dec = new TextDecoder();
const GO_VERSION = 'go1.21.0';

/** GOROOT: the official images' /usr/local/go, or Ubuntu's golang-go package in /usr/lib/go. */
function goRoot(ctx: ProgramContext): string {
  return ['/usr/local/go', '/usr/lib/go'].find((r) => ctx.fs.exists(`${r}/VERSION`)) ?? '/usr/local/go';
}

function goVersion(ctx: ProgramContext): string {
  try {
    return ctx.fs.readText(`${goRoot(ctx)}/VERSION`).split('\n')[0];
  } catch {
    return ctx.env.GOLANG_VERSION ? `go${ctx.env.GOLANG_VERSION}` : GO_VERSION;
  }
}

interface GoFile {
  path: string;
  src: string;
}

function goFiles(ctx: ProgramContext, args: string[]): GoFile[] | string {
  const names = args.filter((a) => a.endsWith('.go'));
  const dir = args.find((a) => !a.endsWith('.go') && !a.startsWith('-')) ?? '.';
  let files = names;
  if (!files.length) {
    try {
      files = ctx.fs.readdir(dir).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go')).map((f) => (dir === '.' ? f : `${dir}/${f}`));
    } catch {
      return `stat ${dir}: directory not found`;
    }
    if (!files.length) return `no Go files in ${ctx.fs.resolve(dir)}`;
  }
  const out: GoFile[] = [];
  for (const f of files) {
    try {
      out.push({ path: f, src: ctx.fs.readText(f) });
    } catch {
      return `stat ${f}: no such file or directory`;
    }
  }
  return out;
}

/** The checks the compiler and the module system would make first. */
function check(ctx: ProgramContext, files: GoFile[]): string | undefined {
  const src = files.map((f) => f.src).join('\n');
  const pkg = /^\s*package\s+(\w+)/m.exec(src)?.[1];
  if (!pkg) return `${files[0].path}:1:1: expected 'package', found 'EOF'`;
  if (pkg !== 'main') return `package command-line-arguments is not a main package`;
  if (!/func\s+main\s*\(\s*\)/.test(src)) return `# command-line-arguments\nruntime.main_main·f: function main is undeclared in the main package`;
  const imports = [...src.matchAll(/"([\w.\-/]+)"/g)].map((m) => m[1]).filter((p) => p.includes('.') && p.includes('/'));
  if (imports.length) {
    let mod = '';
    try {
      mod = ctx.fs.readText('go.mod');
    } catch {
      return `${files[0].path}:${lineOf(files[0].src, imports[0])}:2: no required module provides package ${imports[0]}: go.mod file not found in current directory or any parent directory; see 'go help modules'`;
    }
    for (const imp of imports) {
      const root = imp.split('/').slice(0, 3).join('/');
      if (!mod.includes(root)) return `${files[0].path}:${lineOf(files[0].src, imp)}:2: no required module provides package ${imp}; to add it:\n\tgo get ${imp}`;
    }
  }
  return undefined;
}

function lineOf(src: string, needle: string): number {
  return src.slice(0, src.indexOf(needle)).split('\n').length;
}

const MARK = '\x7fELF sim:goprog\n';

export async function go(ctx: ProgramContext): Promise<number> {
  const [cmd, ...args] = ctx.argv.slice(1);
  const out = (s: string) => ctx.stdout.write(s);
  const err = (s: string) => ctx.stderr.write(s);
  switch (cmd) {
    case 'version':
      await out(`go version ${goVersion(ctx)} linux/amd64\n`);
      return 0;
    case 'env': {
      const vars: Record<string, string> = { GO111MODULE: ctx.env.GO111MODULE ?? '', GOARCH: 'amd64', GOOS: 'linux', GOPATH: ctx.env.GOPATH ?? `${ctx.env.HOME ?? '/root'}/go`, GOROOT: goRoot(ctx), GOVERSION: goVersion(ctx) };
      // `go env NAME…` prints bare values, one a line; `go env` the whole set, shell-quoted.
      const names = args.filter((a) => !a.startsWith('-'));
      if (names.length) await out(names.map((n) => `${vars[n] ?? ''}\n`).join(''));
      else await out(Object.entries(vars).map(([k, v]) => `${k}='${v}'\n`).join(''));
      return 0;
    }
    case 'mod': {
      const sub = args[0];
      if (sub === 'init') {
        const name = args[1];
        if (!name) {
          await err('go: cannot determine module path for source directory ' + ctx.fs.cwd + ' (outside GOPATH, module path must be specified)\n\nExample usage:\n\t\'go mod init example.com/m\' to initialize a v0 module\n\t\'go mod init example.com/m/v2\' to initialize a v2 module\n\nRun \'go help mod init\' for more information.\n');
          return 1;
        }
        if (ctx.fs.exists('go.mod')) {
          await err(`go: ${ctx.fs.resolve('go.mod')} already exists\n`);
          return 1;
        }
        ctx.fs.writeFile('go.mod', `module ${name}\n\ngo ${goVersion(ctx).replace(/^go/, '').replace(/\.\d+$/, '')}\n`);
        await err(`go: creating new go.mod: module ${name}\n`);
        // modload.CreateModFile suggests tidy only when the folder already holds .go files or folders.
        const project = ctx.fs.readdir('.').some((f) => !/^[._]/.test(f) && (f.endsWith('.go') || ctx.fs.stat(f).kind === 'dir'));
        if (project) await err('go: to add module requirements and sums:\n\tgo mod tidy\n');
        return 0;
      }
      if (sub === 'tidy' || sub === 'download') {
        let mod: string;
        try {
          mod = ctx.fs.readText('go.mod');
        } catch {
          await err('go: go.mod file not found in current directory or any parent directory; see \'go help modules\'\n');
          return 1;
        }
        const files = goFiles(ctx, []);
        const imports = typeof files === 'string' ? [] : [...files.map((f) => f.src).join('\n').matchAll(/"(github\.com\/[\w.\-]+\/[\w.\-]+)[\w./\-]*"/g)].map((m) => m[1]);
        if (sub === 'tidy') {
          const need = [...new Set(imports)].filter((p) => !mod.includes(p));
          for (const p of need) await err(`go: finding module for package ${p}\ngo: downloading ${p} v1.9.1\ngo: found ${p} in ${p} v1.9.1\n`);
          if (need.length) ctx.fs.writeFile('go.mod', mod + `\nrequire (\n${need.map((p) => `\t${p} v1.9.1\n`).join('')})\n`);
          ctx.fs.writeFile('go.sum', [...new Set([...imports, ...need])].map(sumLines).join(''));
        } else {
          await ctx.sys.clock.sleep(800, ctx.signal);
        }
        // The module cache really fills ($GOPATH/pkg/mod): gin and what it needs weigh ~98 MB.
        for (const p of new Set(imports)) writeCache(ctx, `${goPath(ctx)}/pkg/mod/cache/download/${p.toLowerCase()}/@v/v1.9.1.zip`, p.includes('gin-gonic') ? 98_000_000 : 2_000_000);
        return 0;
      }
      await err(`go mod ${sub ?? ''}: unknown command\nRun 'go help mod' for usage.\n`);
      return 2;
    }
    case 'get': {
      for (const a of args.filter((x) => !x.startsWith('-'))) await err(`go: downloading ${a.replace(/@.*/, '')} v1.9.1\ngo: added ${a.replace(/@.*/, '')} v1.9.1\n`);
      try {
        const mod = ctx.fs.readText('go.mod');
        const add = args.filter((x) => !x.startsWith('-') && !mod.includes(x.replace(/@.*/, '')));
        if (add.length) ctx.fs.writeFile('go.mod', mod + `\nrequire (\n${add.map((p) => `\t${p.replace(/@.*/, '')} v1.9.1\n`).join('')})\n`);
        let sum = '';
        try {
          sum = ctx.fs.readText('go.sum');
        } catch {
          /* first dependency */
        }
        ctx.fs.writeFile('go.sum', sum + add.map((p) => sumLines(p.replace(/@.*/, ''))).join(''));
      } catch {
        await err("go: go.mod file not found in current directory or any parent directory.\n\t'go get' is no longer supported outside a module.\n");
        return 1;
      }
      return 0;
    }
    case 'build': case 'run': {
      let output: string | undefined;
      const rest: string[] = [];
      for (let i = 0; i < args.length; i++) {
        if (args[i] === '-o') output = args[++i];
        else if (args[i].startsWith('-o=')) output = args[i].slice(3);
        else if (args[i].startsWith('-') && cmd === 'build') continue;
        else rest.push(args[i]);
      }
      // `go run a.go b.go x y`: the leading .go files are the package, the rest its arguments.
      let progArgs: string[] = [];
      let srcArgs = rest;
      if (cmd === 'run') {
        const n = rest[0]?.endsWith('.go') ? rest.findIndex((a) => !a.endsWith('.go')) : Math.min(1, rest.length);
        srcArgs = n < 0 ? rest : rest.slice(0, n);
        progArgs = n < 0 ? [] : rest.slice(n);
      }
      // cmd/go: once one argument names a .go file, all of them are files of one ad hoc package.
      const notGo = srcArgs.some((a) => a.endsWith('.go')) ? srcArgs.find((a) => !a.endsWith('.go')) : undefined;
      if (notGo !== undefined) {
        await err(`named files must be .go files: ${notGo}\n`);
        return 1;
      }
      if (!srcArgs.some((a) => a.endsWith('.go')) && !ctx.fs.exists('go.mod')) {
        await err("go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n");
        return 1;
      }
      const files = goFiles(ctx, srcArgs);
      if (typeof files === 'string') {
        await err(`${files}\n`);
        return 1;
      }
      const problem = check(ctx, files);
      if (problem) {
        await err(problem + '\n');
        return 1;
      }
      await ctx.sys.clock.sleep(cmd === 'build' ? 1200 : 600, ctx.signal);
      const source = files.map((f) => f.src).join('\n');
      if (cmd === 'run') return runGo(ctx, source, ['/tmp/go-build/exe/' + (files[0].path.replace(/\.go$/, '').split('/').pop() ?? 'main'), ...progArgs]);
      const name = output ?? (srcArgs.find((a) => a.endsWith('.go'))?.replace(/\.go$/, '').split('/').pop() ?? moduleName(ctx));
      // Real Go binaries are statically linked: ~1.8 MB for fmt alone, ~7 MB with net/http, ~10 MB
      // with gin. The stub reports that size so the image sizes the notes compare come out alike.
      const size = /gin-gonic\/gin/.test(source) ? 10_100_000 : /"net\/http"/.test(source) ? 7_200_000 : 1_900_000;
      ctx.fs.writeFile(name, enc.encode(MARK + source), { size });
      ctx.fs.chmod(name, 0o755);
      // So does the build cache ($HOME/.cache/go-build): the compiled packages, ~160 MB for gin.
      writeCache(ctx, `${ctx.env.HOME ?? '/root'}/.cache/go-build/README`, /gin-gonic\/gin/.test(source) ? 160_000_000 : /"net\/http"/.test(source) ? 30_000_000 : 6_000_000);
      return 0;
    }
    case undefined:
    case 'help':
      await err('Go is a tool for managing Go source code.\n\nUsage:\n\n\tgo <command> [arguments]\n\nThe commands are:\n\n\tbuild       compile packages and dependencies\n\tenv         print Go environment information\n\tget         add dependencies to current module and install them\n\tmod         module maintenance\n\trun         compile and run Go program\n\tversion     print Go version\n');
      return cmd ? 0 : 2;
    default:
      await err(`go ${cmd}: unknown command\nRun 'go help' for usage.\n`);
      return 2;
  }
}

function sumLines(p: string): string {
  return `${p} v1.9.1 h1:4idEAncQnU5cB7BeOkPtxjfCSye0AAm1R0RVIqJ+Jmg=\n${p} v1.9.1/go.mod h1:hPrL7YrpYKXt5YId3A/Tnip5kqbEAP+KLuI3SUcPTeU=\n`;
}

function goPath(ctx: ProgramContext): string {
  return ctx.env.GOPATH ?? `${ctx.env.HOME ?? '/root'}/go`;
}

/** One stand-in file for a cache Go fills, reporting the cache's real size. */
function writeCache(ctx: ProgramContext, path: string, size: number): void {
  try {
    ctx.fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    const prev = ctx.fs.exists(path) ? ctx.fs.stat(path).size : 0;
    ctx.fs.writeFile(path, 'This directory holds cached build artifacts from the Go build system.\n', { size: Math.max(prev, size) });
  } catch {
    /* a read-only or foreign cache: Go would warn and build anyway */
  }
}

function moduleName(ctx: ProgramContext): string {
  try {
    return /^module\s+(\S+)/m.exec(ctx.fs.readText('go.mod'))?.[1].split('/').pop() ?? 'main';
  } catch {
    return ctx.fs.cwd.split('/').pop() || 'main';
  }
}

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

// ---- the runtime model ----

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

async function runGo(ctx: ProgramContext, src: string, argv: string[]): Promise<number> {
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

export function registerGo(): void {
  registerProgram('go', go);
  registerProgram('goprog', goprog);
}
