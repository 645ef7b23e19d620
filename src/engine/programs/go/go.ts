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
import type { ProgramContext } from '../../process/types';
import { registerProgram } from '../registry';
import { MARK, goprog, runGo } from './runtime';

export { goprog };

const enc = new TextEncoder();
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


export function registerGo(): void {
  registerProgram('go', go);
  registerProgram('goprog', goprog);
}
