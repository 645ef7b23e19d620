/**
 * `python`/`python3` (scripts, `-c`, `-V`, a small REPL), `pip install` (a catalogue of the packages
 * the notes install, written into site-packages so `import` finds them), and the `flask` command
 * (`flask run [-h HOST] [-p PORT]` with FLASK_APP). See parse.ts for the language subset.
 */
import type { ProgramContext } from '../../process/types';
import { builtIn, registerProgram } from '../registry';
import { EXC, Interp, PyError, PyModule, PyObject, repr, Scope, type Py, type Runtime } from './interp';
import { PY2, PY3, installedBytes, type PipPkg } from './pip-catalog';
import { flaskModule, serve } from './flask';
import { builtins, formatTraceback, stdlib, type PyEnv } from './modules';
import { redisModule } from './redis-client';
import { parseModule, PySyntaxError } from './parse';
import { maxOf, pushAll } from '../../../lib/arrays';
import { KeyboardInterrupts } from './sigint';

function pyVersion(ctx: ProgramContext): string {
  const prog = (ctx.argv[0] ?? '').split('/').pop() ?? '';
  if (/^python2/.test(prog)) return ctx.env.PYTHON_VERSION?.startsWith('2') ? ctx.env.PYTHON_VERSION : '2.7.18';
  // A distribution's python3 knows its own version (apt's package writes it into the binary);
  // the official python image's build says it in PYTHON_VERSION.
  return builtIn(ctx, 'version') ?? (ctx.env.PYTHON_VERSION || '3.11.2');
}

function sitePackages(ctx: ProgramContext, version: string): string {
  const short = version.split('.').slice(0, 2).join('.');
  const local = `/usr/local/lib/python${short}/site-packages`;
  if (ctx.env.PYTHON_VERSION || ctx.fs.exists(local)) return local;
  return '/usr/lib/python3/dist-packages';
}

function makeRuntime(processCtx: ProgramContext, argv: string[], mainFile: string): { env: PyEnv; interp: Interp; globals: Scope } {
  const interrupts = new KeyboardInterrupts(processCtx);
  const ctx = interrupts.ctx;
  const version = pyVersion(ctx);
  const dir = mainFile.includes('/') ? mainFile.slice(0, mainFile.lastIndexOf('/')) || '/' : ctx.fs.cwd;
  const env: PyEnv = { ctx, version, sitePackages: sitePackages(ctx, version), path: [dir, ctx.fs.cwd], argv, mainFile };
  const loaded = new Map<string, PyModule>();
  const rt: Runtime = {
    ctx,
    interrupts,
    builtins: new Map(),
    file: mainFile,
    importModule: async (name) => {
      const hit = loaded.get(name);
      if (hit) return hit;
      let mod = stdlib(env, name, rt, interp);
      const installed = (pkg: string) => ctx.fs.exists(`${env.sitePackages}/${pkg}`);
      if (!mod && name === 'flask' && installed('flask')) mod = flaskModule(env, interp);
      if (!mod && (name === 'redis' || name === 'redis.exceptions') && installed('redis')) {
        const r = loaded.get('redis') ?? redisModule(env);
        loaded.set('redis', r);
        mod = name === 'redis' ? r : (r.attrs.get('exceptions') as PyModule);
      }
      if (!mod) {
        // A module of the program's own folder.
        for (const d of env.path) {
          const file = `${d === '/' ? '' : d}/${name.replace(/\./g, '/')}.py`;
          if (ctx.fs.exists(file)) {
            const scope = new Scope();
            scope.vars.set('__name__', name);
            scope.vars.set('__file__', file);
            await interp.runModule(ctx.fs.readText(file), file, scope);
            mod = new PyModule(name, scope.vars);
            break;
          }
        }
      }
      if (!mod) {
        if (/^(numpy|pandas|django|requests|sqlalchemy|gunicorn|fastapi|uvicorn)$/.test(name.split('.')[0]) && installed(name.split('.')[0])) {
          throw new PyError(EXC.ImportError, `module '${name}' is installed, but its code is not simulated in this Docker simulator; try it on a real Docker machine`);
        }
        throw new PyError(EXC.ModuleNotFoundError, `No module named '${name}'`);
      }
      loaded.set(name, mod);
      return mod;
    },
  };
  const interp = new Interp(rt);
  for (const [k, v] of builtins(env, () => interp)) rt.builtins.set(k, v);
  const globals = new Scope();
  globals.vars.set('__name__', '__main__');
  globals.vars.set('__file__', mainFile);
  return { env, interp, globals };
}

async function report(ctx: ProgramContext, e: unknown, sources: (file: string) => string[] | undefined): Promise<number> {
  if (!(e instanceof PyError)) throw e;
  if (e.cls === EXC.SystemExit) {
    const code = (e as PyError & { code?: Py }).code;
    if (typeof code === 'number') return code;
    if (code === null || code === undefined) return 0;
    await ctx.stderr.write(String(code) + '\n');
    return 1;
  }
  let tb = formatTraceback(e);
  // Real tracebacks quote each frame's source line.
  tb = tb.replace(/  File "([^"]+)", line (\d+), in (\S+)\n/g, (m, file: string, line: string) => {
    const text = sources(file)?.[Number(line) - 1]?.trim();
    return text ? `${m}    ${text}\n` : m;
  });
  await ctx.stderr.write(tb);
  // Python 3.8+ leaves on an uncaught KeyboardInterrupt by SIGINT itself (exit_sigint): 130.
  if (e.cls === EXC.KeyboardInterrupt && !pyVersion(ctx).startsWith('2')) return 130;
  return 1;
}

export async function python(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const version = pyVersion(ctx);
  if (args[0] === '-V' || args[0] === '--version') {
    await (version.startsWith('2') ? ctx.stderr : ctx.stdout).write(`Python ${version}\n`);
    return 0;
  }
  const sources = (file: string) => {
    try {
      return ctx.fs.readText(file).split('\n');
    } catch {
      return undefined;
    }
  };
  let src: string;
  let file: string;
  let rest: string[];
  const u = args.filter((a) => a !== '-u');
  if (u[0] === '-c') {
    src = u[1] ?? '';
    file = '<string>';
    rest = ['-c', ...u.slice(2)];
  } else if (u[0] === '-m' && u[1] === 'pip') {
    return pip({ ...ctx, argv: ['pip', ...u.slice(2)] });
  } else if (u[0] === '-m' && u[1] === 'flask') {
    return flask({ ...ctx, argv: ['flask', ...u.slice(2)] });
  } else if (u.length && u[0] !== '-') {
    file = u[0];
    try {
      src = ctx.fs.readText(file);
    } catch {
      await ctx.stderr.write(`${(ctx.argv[0] ?? 'python').split('/').pop()}: can't open file '${ctx.fs.resolve(file)}': [Errno 2] No such file or directory\n`);
      return 2;
    }
    rest = u;
  } else if (ctx.stdin.isTTY) {
    return repl(ctx, version);
  } else {
    const chunks: string[] = [];
    for (;;) {
      const c = await ctx.stdin.read(ctx.signal);
      if (!c) break;
      chunks.push(new TextDecoder().decode(c));
    }
    src = chunks.join('');
    file = '<stdin>';
    rest = ['-'];
  }
  const { interp, globals } = makeRuntime(ctx, rest, file);
  try {
    await interp.runModule(src, file, globals);
  } catch (e) {
    return report(ctx, e, (f) => (f === '<string>' ? src.split('\n') : sources(f)));
  }
  return 0;
}

async function repl(ctx: ProgramContext, version: string): Promise<number> {
  await ctx.stdout.write(`Python ${version} (main, May 12 2021, 15:26:36) \n[GCC 8.3.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`);
  const { interp, globals } = makeRuntime(ctx, [''], '<stdin>');
  for (;;) {
    await ctx.stdout.write('>>> ');
    const c = await ctx.stdin.read(ctx.signal);
    if (!c) {
      await ctx.stdout.write('\n');
      return 0;
    }
    const line = new TextDecoder().decode(c).replace(/\r?\n$/, '');
    if (!line.trim()) continue;
    try {
      // An expression's value is echoed, as the REPL does; statements just run.
      let body;
      try {
        body = parseModule(line + '\n');
      } catch (e) {
        if (e instanceof PySyntaxError) {
          await ctx.stderr.write(`  File "<stdin>", line 1\n    ${line}\n    ^\nSyntaxError: ${e.message}\n`);
          continue;
        }
        throw e;
      }
      if (body.length === 1 && body[0].k === 'expr') {
        const v = await interp.eval(body[0].e, globals);
        if (v !== null) await ctx.stdout.write(repr(v) + '\n');
      } else await interp.block(body, globals, '<stdin>', '<module>');
    } catch (e) {
      if (e instanceof PyError && e.cls === EXC.SystemExit) return 0;
      await report(ctx, e, () => [line]);
    }
  }
}

// ---- pip ----
// The index pip installs from: ./pip-catalog.ts.

export async function pip(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const version = ctx.env.PYTHON_VERSION || '3.11.2';
  const py2 = version.startsWith('2');
  const site = sitePackages(ctx, version);
  const cat = py2 ? PY2 : PY3;
  if (args[0] === '--version' || args[0] === '-V') {
    await ctx.stdout.write(`pip ${py2 ? '20.3.4' : '24.0'} from ${site}/pip (python ${version.split('.').slice(0, 2).join('.')})\n`);
    return 0;
  }
  if (args[0] === 'list' || args[0] === 'freeze') {
    const have = Object.values(cat).filter((p) => ctx.fs.exists(`${site}/${p.module}`));
    const base = [['pip', py2 ? '20.3.4' : '24.0'], ['setuptools', py2 ? '44.1.1' : '70.0.0'], ['wheel', '0.43.0']];
    const rows = [...base, ...have.map((p) => [p.name, p.version])].sort((a, b) => a[0].toLowerCase().localeCompare(b[0].toLowerCase()));
    if (args[0] === 'freeze') await ctx.stdout.write(rows.filter(([n]) => !['pip', 'setuptools', 'wheel'].includes(n)).map(([n, v]) => `${n}==${v}\n`).join(''));
    else {
      const w = maxOf(rows.map(([n]) => n.length), 7);
      await ctx.stdout.write(`${'Package'.padEnd(w)} Version\n${'-'.repeat(w)} -------\n${rows.map(([n, v]) => `${n.padEnd(w)} ${v}\n`).join('')}`);
    }
    return 0;
  }
  if (args[0] !== 'install') {
    await ctx.stderr.write(args[0] ? `ERROR: unknown command "${args[0]}"\n` : `\nUsage:   \n  pip <command> [options]\n\nCommands:\n  install                     Install packages.\n  list                        List installed packages.\n  freeze                      Output installed packages in requirements format.\n`);
    return args[0] ? 1 : 0;
  }
  const wanted: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '-r' || a === '--requirement') {
      const f = args[++i];
      let text: string;
      try {
        text = ctx.fs.readText(f);
      } catch {
        await ctx.stderr.write(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${f}'\n`);
        return 1;
      }
      pushAll(wanted, text.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean));
    } else if (a === '--trusted-host' || a === '-i' || a === '--index-url') i++;
    else if (!a.startsWith('-')) wanted.push(a);
  }
  if (!wanted.length) {
    await ctx.stderr.write('ERROR: You must give at least one requirement to install (see "pip help install")\n');
    return 1;
  }
  const order: PipPkg[] = [];
  const seen = new Set<string>();
  const out: string[] = [];
  const visit = (spec: string, parent?: string): boolean => {
    const name = spec.split(/[<>=!~\[; ]/)[0].toLowerCase();
    const p = cat[name];
    if (!p) return false;
    if (seen.has(name)) return true;
    seen.add(name);
    if (ctx.fs.exists(`${site}/${p.module}`)) {
      out.push(`Requirement already satisfied: ${spec} in ${site} ${parent ? `(from ${parent}) ` : ''}(${p.version})`.replace(/ \($/, ''));
      return true;
    }
    const file = `${p.name.replace(/-/g, '_')}-${p.version}-py${py2 ? '2.py3' : '3'}-none-any.whl`;
    out.push(`Collecting ${spec}${parent ? ` (from ${parent})` : ''}`);
    out.push(`  Downloading ${file} (${p.kb} kB)`);
    if (!py2) out.push(`     ${'━'.repeat(40)} ${p.kb}.0/${p.kb}.0 kB ${(p.kb / 90).toFixed(1)} MB/s eta 0:00:00`);
    for (const d of p.deps) {
      if (d === 'importlib-metadata' && Number(version.split('.')[1]) >= 10) continue;
      visit(d, p.name);
    }
    order.push(p);
    return true;
  };
  for (const w of wanted) {
    if (!visit(w)) {
      for (const l of out) await ctx.stdout.write(l + '\n');
      await ctx.stderr.write(`ERROR: Could not find a version that satisfies the requirement ${w} (from versions: none)\nERROR: No matching distribution found for ${w}\n`);
      return 1;
    }
  }
  for (const l of out) {
    await ctx.stdout.write(l + '\n');
    await ctx.sys.tick(ctx.signal);
  }
  if (order.length) {
    await ctx.sys.clock.sleep(300 + order.length * 100, ctx.signal);
    await ctx.stdout.write(`Installing collected packages: ${order.map((p) => p.name).join(', ')}\n`);
    for (const p of order) {
      const dir = `${site}/${p.module}`;
      try {
        ctx.fs.mkdir(dir, { recursive: true, mode: 0o755 });
        // The package's own code is one stand-in file weighing what the real package's files and
        // compiled __pycache__ weigh together, so the layer pip makes has the real size.
        ctx.fs.writeFile(`${dir}/__init__.py`, `# ${p.name} ${p.version} (the simulator runs its own implementation)\n`, { size: installedBytes(p) });
        ctx.fs.mkdir(`${site}/${p.name.replace(/-/g, '_')}-${p.version}.dist-info`, { recursive: true });
        ctx.fs.writeFile(`${site}/${p.name.replace(/-/g, '_')}-${p.version}.dist-info/METADATA`, `Metadata-Version: 2.1\nName: ${p.name}\nVersion: ${p.version}\n`);
        if (p.bin) {
          const binDir = site.startsWith('/usr/local') ? '/usr/local/bin' : '/usr/bin';
          ctx.fs.writeFile(`${binDir}/${p.bin}`, new TextEncoder().encode(`\x7fELF sim:${p.bin}\n`), { mode: 0o755 });
          ctx.fs.chmod(`${binDir}/${p.bin}`, 0o755);
        }
      } catch (e) {
        await ctx.stderr.write(`ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${dir}'\nConsider using the \`--user\` option or check the permissions.\n\n`);
        void e;
        return 1;
      }
    }
    const names = [...order].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
    await ctx.stdout.write(`Successfully installed ${names.map((p) => `${p.name}-${p.version}`).join(' ')}\n`);
  }
  if (ctx.proc.info.cred.uid === 0 && !py2) {
    await ctx.stderr.write("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv\n");
  }
  return 0;
}

// ---- the flask command ----

export async function flask(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args[0] === '--version') {
    await ctx.stdout.write(`Python ${pyVersion(ctx)}\nFlask 3.0.3\nWerkzeug 3.0.3\n`);
    return 0;
  }
  if (args[0] !== 'run') {
    await ctx.stdout.write(`Usage: flask [OPTIONS] COMMAND [ARGS]...\n\n  A general utility script for Flask applications.\n\nCommands:\n  routes  Show the routes for the app.\n  run     Run a development server.\n  shell   Run a shell in the app context.\n`);
    return args.length ? 2 : 0;
  }
  let host = '127.0.0.1';
  let port = 5000;
  for (let i = 1; i < args.length; i++) {
    if (args[i] === '-h' || args[i] === '--host') host = args[++i];
    else if (args[i].startsWith('--host=')) host = args[i].slice(7);
    else if (args[i] === '-p' || args[i] === '--port') port = Number(args[++i]);
    else if (args[i].startsWith('--port=')) port = Number(args[i].slice(7));
  }
  const appPath = ctx.env.FLASK_APP || (ctx.fs.exists('app.py') ? 'app.py' : ctx.fs.exists('wsgi.py') ? 'wsgi.py' : '');
  if (!appPath) {
    await ctx.stderr.write(`Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.\n`);
    return 2;
  }
  const file = appPath.endsWith('.py') ? appPath : `${appPath}.py`;
  let src: string;
  try {
    src = ctx.fs.readText(file);
  } catch {
    await ctx.stderr.write(`Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: Could not import '${appPath.replace(/\.py$/, '')}'.\n`);
    return 2;
  }
  const { env, interp, globals } = makeRuntime(ctx, ['flask', ...args], ctx.fs.resolve(file));
  globals.vars.set('__name__', appPath.replace(/\.py$/, ''));
  try {
    await interp.runModule(src, ctx.fs.resolve(file), globals);
    const app = [...globals.vars.values()].find((v): v is PyObject => v instanceof PyObject && v.cls === 'Flask');
    if (!app) {
      await ctx.stderr.write(`Error: Failed to find Flask application or factory in module '${appPath.replace(/\.py$/, '')}'. Use '${appPath.replace(/\.py$/, '')}:name' to specify one.\n`);
      return 2;
    }
    const routes = (app as PyObject & { routes?: Parameters<typeof serve>[2] }).routes ?? [];
    const flaskMod = await interp.rt.importModule('flask');
    await serve(env, interp, routes, flaskMod.attrs.get('request') as PyObject, { host, port, banner: appPath });
  } catch (e) {
    return report(ctx, e, (f) => {
      try {
        return ctx.fs.readText(f).split('\n');
      } catch {
        return undefined;
      }
    });
  }
  return 0;
}

export function registerPython(): void {
  registerProgram('python3', python);
  registerProgram('python2', python);
  registerProgram('python', python);
  registerProgram('pip', pip);
  registerProgram('flask', flask);
}
