/**
 * The interpreter: walks the AST. Every external command is a process started with `sys.spawn`;
 * builtins and functions run inside the shell; subshells run in a forked process when the kernel
 * offers `fork` (see ForkingSystem), else in a clone of the shell state.
 */
import type { AndOr, Command, List, ListItem, Pipeline, SimpleCommand } from './ast';
import { plainText } from './ast';
import { builtinFor, DECLARATION } from './builtins';
import { evalCond } from './test';
import { ExpandError } from './expand';
import { matchPattern } from './pattern';
import { parse, ParseError } from './parser';
import { applyRedirs, bytesReader, nullWriter, RedirError } from './redirect';
import { BreakLoop, canFork, ContinueLoop, ExitShell, interpreter, ReturnFn, Shell, ShellError, type Job, type Stream } from './shell';
import { Pipe } from '../engine/process/pipe';
import { EpipeError, signalName, type ChildProcess, type ReadStream, type WriteStream } from '../engine/process/types';
import { isFsError, X_OK } from '../api/fs';
import { maxOf, pushAll } from '../lib/arrays';
import { forkOrFail, MAX_FUNCTION_DEPTH, signalDescription, stackOverflow } from './limits';

export async function runList(sh: Shell, list: List): Promise<number> {
  for (const item of list.items) {
    if (item.background) await startBackground(sh, item);
    else await runAndOr(sh, item.cmd);
    // A trapped signal's action runs once the current command has finished, as in bash.
    if (sh.pendingSignals.length) await runPendingTraps(sh);
  }
  return sh.status;
}

/** Parse and run source text in this shell (eval, source, traps, -c). */
export async function runSource(sh: Shell, src: string, what = '', lineBase = 1): Promise<number> {
  let list: List;
  try {
    list = parse(src, lineBase);
  } catch (e) {
    if (e instanceof ParseError) {
      sh.lineno = e.line;
      const msg = sh.flavour.syntaxError(e.token);
      if (what && sh.flavour.name === 'bash') await sh.writeErr(`${sh.argv0}: ${what}: line ${e.line}: ${msg}\n`);
      else await sh.error(msg);
      sh.status = 2;
      return 2;
    }
    throw e;
  }
  return runList(sh, list);
}

async function runAndOr(sh: Shell, ao: AndOr): Promise<number> {
  const n = ao.rest.length;
  let st = await runPipeline(sh, ao.first, n === 0);
  for (let i = 0; i < n; i++) {
    const { op, pipeline } = ao.rest[i];
    if ((op === '&&') === (st === 0)) st = await runPipeline(sh, pipeline, i === n - 1);
  }
  sh.status = st;
  return st;
}

async function runPipeline(sh: Shell, p: Pipeline, last: boolean): Promise<number> {
  if (p.bang || !last) sh.noErrexit++;
  let st: number;
  try {
    st = p.cmds.length === 1 ? await runCommand(sh, p.cmds[0]) : await runMulti(sh, p);
  } finally {
    if (p.bang || !last) sh.noErrexit--;
  }
  if (p.bang) st = st === 0 ? 1 : 0;
  sh.status = st;
  if (!p.bang && last && st !== 0 && sh.opts.errexit && sh.noErrexit === 0) throw new ExitShell(st);
  return st;
}

async function runMulti(sh: Shell, p: Pipeline): Promise<number> {
  const n = p.cmds.length;
  const pipes = Array.from({ length: n - 1 }, () => new Pipe());
  const runs = p.cmds.map((cmd, i) => {
    const fds = new Map(sh.fds);
    if (i) fds.set(0, pipes[i - 1].reader);
    if (i < n - 1) {
      fds.set(1, pipes[i].writer);
      if (p.stderrToo?.[i]) fds.set(2, pipes[i].writer);
    }
    // Every stage is its own process in bash; we save the fork for plain commands, but not for a
    // function call, whose body may build pipelines of its own (`g() { g | g; }`): those must meet
    // the process limits as real subshells do instead of multiplying inside one process.
    const fork = cmd.type !== 'simple' || isFunctionCall(sh, cmd);
    return inSubshell(sh, fds, (c) => runCommand(c, cmd), fork).finally(() => {
      if (i) pipes[i - 1].reader.close();
      if (i < n - 1) pipes[i].writer.close();
    });
  });
  const statuses = await Promise.all(runs);
  let st = statuses[n - 1];
  if (sh.opts.pipefail) for (const s of statuses) if (s !== 0) st = s;
  return st;
}

function isFunctionCall(sh: Shell, cmd: SimpleCommand): boolean {
  const first = cmd.words[0] && plainText(cmd.words[0]);
  return first !== undefined && sh.funcs.has(first);
}

/** Run `body` in a subshell with the given descriptors; a process of its own when the kernel can fork. */
export async function inSubshell(sh: Shell, fds: Map<number, Stream>, body: (c: Shell) => Promise<number>, fork: boolean): Promise<number> {
  const sys = sh.sys;
  if (fork && canFork(sys)) {
    const child = await forkOrFail(sh, () => sys.fork(
      sh.proc,
      { argv: [sh.argv0], env: sh.environ(), cwd: sh.fs.cwd, stdin: (fds.get(0) as ReadStream) ?? bytesReader(''), stdout: (fds.get(1) as WriteStream) ?? nullWriter(), stderr: (fds.get(2) as WriteStream) ?? nullWriter() },
      (ctx) => {
        const c = sh.clone(ctx);
        c.fds = new Map(fds);
        c.fds.set(0, ctx.stdin);
        c.fds.set(1, ctx.stdout);
        c.fds.set(2, ctx.stderr);
        return subshellBody(c, body);
      },
    ));
    return waitChild(sh, child);
  }
  const c = sh.clone();
  c.fds = fds;
  return subshellBody(c, body);
}

async function subshellBody(c: Shell, body: (c: Shell) => Promise<number>): Promise<number> {
  let st: number;
  try {
    st = await body(c);
  } catch (e) {
    if (e instanceof ExitShell) st = e.status;
    else if (e instanceof EpipeError) return 141;
    else if (e instanceof ReturnFn) st = e.status;
    else if (e instanceof BreakLoop || e instanceof ContinueLoop) st = 0;
    else throw e;
  }
  return runExitTrap(c, st);
}

export async function runExitTrap(sh: Shell, st: number): Promise<number> {
  const t = sh.traps.get('EXIT');
  if (!t) return st;
  sh.traps.delete('EXIT');
  sh.status = st;
  try {
    await runSource(sh, t);
  } catch (e) {
    if (e instanceof ExitShell) return e.status;
    throw e;
  }
  return st;
}

export async function waitChild(sh: Shell, child: ChildProcess): Promise<number> {
  const signal = sh.signal;
  if (signal.aborted) throw signal.reason;
  return new Promise<number>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    child.wait().then(
      async (s) => {
        signal.removeEventListener('abort', onAbort);
        // An interactive shell says how a foreground job died of a signal (`Killed`,
        // `Segmentation fault (core dumped)`); not for SIGINT and SIGPIPE, as bash.
        const sig = child.killedBy?.();
        const words = sig !== undefined && sh.mode === 'interactive' && !sh.isSubshell ? signalDescription(sig) : undefined;
        if (words) await sh.writeErr(words + '\n');
        resolve(s);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

async function startBackground(sh: Shell, item: ListItem): Promise<void> {
  const fds = new Map(sh.fds);
  // Job control (job numbers, the terminal as stdin) belongs to the interactive shell itself; its
  // subshells run background commands as a script does, with stdin from /dev/null.
  const jobControl = sh.mode === 'interactive' && !sh.isSubshell;
  if (!jobControl) fds.set(0, bytesReader(''));
  const id = (sh.jobs.length ? maxOf(sh.jobs.map((j) => j.id)) : 0) + 1;
  const job: Job = { id, pid: 0, text: item.text, done: Promise.resolve(0) };
  const sys = sh.sys;
  if (canFork(sys)) {
    const child = await forkOrFail(sh, () => sys.fork(
      sh.proc,
      { argv: [sh.argv0], env: sh.environ(), cwd: sh.fs.cwd, stdin: (fds.get(0) as ReadStream) ?? bytesReader(''), stdout: (fds.get(1) as WriteStream) ?? nullWriter(), stderr: (fds.get(2) as WriteStream) ?? nullWriter() },
      (ctx) => {
        const c = sh.clone(ctx);
        c.fds = new Map(fds);
        c.fds.set(0, ctx.stdin);
        c.fds.set(1, ctx.stdout);
        c.fds.set(2, ctx.stderr);
        return subshellBody(c, (c) => runAndOr(c, item.cmd));
      },
    ));
    job.pid = child.pid;
    job.child = child;
    job.done = child.wait();
  } else {
    // No fork: run it beside the shell, killable through its own AbortController.
    const ac = new AbortController();
    const parent = sh.signal;
    const onAbort = () => ac.abort(parent.reason);
    parent.addEventListener('abort', onAbort, { once: true });
    const c = sh.clone();
    c.fds = fds;
    c.signal = ac.signal;
    job.pid = ++sh.pseudoPid;
    job.abort = ac;
    job.done = subshellBody(c, (c) => runAndOr(c, item.cmd)).catch((e) => (e && typeof e === 'object' && 'signal' in e ? 128 + Number((e as { signal: number }).signal) : 1));
  }
  job.done.then((s) => (job.status = s)).catch(() => {});
  sh.jobs.push(job);
  sh.lastBg = job.pid;
  if (jobControl) await sh.writeErr(`[${id}] ${job.pid}\n`);
  sh.status = 0;
}

export async function runCommand(sh: Shell, cmd: Command): Promise<number> {
  await sh.step();
  switch (cmd.type) {
    case 'simple':
      return runSimple(sh, cmd);
    case 'func':
      sh.funcs.set(cmd.name, cmd.body);
      return (sh.status = 0);
  }
  return withRedirs(sh, cmd.redirs, async () => {
    switch (cmd.type) {
      case 'group':
        return runList(sh, cmd.body);
      case 'subshell':
        return inSubshell(sh, new Map(sh.fds), (c) => runList(c, cmd.body), true);
      case 'if': {
        for (const cl of cmd.clauses) {
          if ((await cond(sh, cl.cond)) === 0) return runList(sh, cl.body);
        }
        return cmd.else ? runList(sh, cmd.else) : (sh.status = 0);
      }
      case 'while':
      case 'until': {
        let st = 0;
        sh.loopDepth++;
        try {
          for (;;) {
            const c = await cond(sh, cmd.cond);
            if ((c === 0) !== (cmd.type === 'while')) break;
            const r = await loopBody(sh, cmd.body);
            st = r.status;
            if (r.brk) break;
          }
        } finally {
          sh.loopDepth--;
        }
        return (sh.status = st);
      }
      case 'for': {
        const items = cmd.items ? await sh.expander.words(cmd.items) : [...sh.positionalParams];
        let st = 0;
        sh.loopDepth++;
        try {
          for (const it of items) {
            sh.setVar(cmd.name, it);
            const r = await loopBody(sh, cmd.body);
            st = r.status;
            if (r.brk) break;
          }
        } finally {
          sh.loopDepth--;
        }
        return (sh.status = st);
      }
      case 'case': {
        const w = await sh.expander.string(cmd.word);
        for (let i = 0; i < cmd.items.length; i++) {
          let matched = false;
          for (const p of cmd.items[i].patterns) if (matchPattern(await sh.expander.pattern(p), w)) matched = true;
          if (!matched) continue;
          let st = await runList(sh, cmd.items[i].body);
          // ;& runs the next body unconditionally; ;;& goes on testing the next patterns.
          while (cmd.items[i].fallthrough === ';&' && i + 1 < cmd.items.length) st = await runList(sh, cmd.items[++i].body);
          if (cmd.items[i].fallthrough !== ';;&') return st;
        }
        return (sh.status = 0);
      }
      case 'arithcmd':
        return (sh.status = (await sh.expander.arith(cmd.expr)) !== 0 ? 0 : 1);
      case 'cond':
        return (sh.status = (await evalCond(sh, cmd.expr)) ? 0 : 1);
    }
  });
}

async function cond(sh: Shell, list: List): Promise<number> {
  sh.noErrexit++;
  try {
    return await runList(sh, list);
  } finally {
    sh.noErrexit--;
  }
}

async function loopBody(sh: Shell, body: List): Promise<{ status: number; brk: boolean }> {
  try {
    return { status: await runList(sh, body), brk: false };
  } catch (e) {
    if (e instanceof BreakLoop) {
      if (--e.n > 0) throw e;
      return { status: 0, brk: true };
    }
    if (e instanceof ContinueLoop) {
      if (--e.n > 0) throw e;
      return { status: 0, brk: false };
    }
    throw e;
  }
}

/** Run fn with redirections applied, then put the descriptor table back. */
export async function withRedirs(sh: Shell, redirs: SimpleCommand['redirs'], fn: () => Promise<number>): Promise<number> {
  if (!redirs.length) return fn();
  const saved = sh.fds;
  try {
    sh.fds = await applyRedirs(sh, redirs, new Map(saved));
  } catch (e) {
    if (e instanceof RedirError || e instanceof ExpandError) {
      await sh.error(e.message);
      return (sh.status = 1);
    }
    throw e;
  }
  try {
    return await fn();
  } finally {
    sh.fds = saved;
  }
}

async function runSimple(sh: Shell, cmd: SimpleCommand): Promise<number> {
  sh.lineno = cmd.line;
  sh.substStatus = undefined;
  let words = cmd.words;
  let redirs = cmd.redirs;
  const first = words[0] && plainText(words[0]);
  if (first !== undefined && sh.aliases.has(first)) {
    try {
      const a = parse(sh.aliases.get(first)!).items[0]?.cmd.first.cmds[0];
      if (a?.type === 'simple' && !a.assigns.length) {
        words = [...a.words, ...words.slice(1)];
        redirs = [...a.redirs, ...redirs];
      }
    } catch {
      /* an alias that does not parse as a simple command is used literally */
    }
  }
  let argv: string[];
  const assigns: [string, string][] = [];
  try {
    argv = [];
    for (const w of words) {
      const decl = argv.length > 0 && DECLARATION.has(argv[0]) && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(plainText({ parts: w.parts.slice(0, 1) }) ?? '');
      if (decl) argv.push(await sh.expander.string(w, 'assign'));
      else pushAll(argv, await sh.expander.fields(w));
    }
    for (const a of cmd.assigns) {
      let v = await sh.expander.string(a.value, 'assign');
      if (a.append) v = (sh.getVar(a.name) ?? '') + v;
      assigns.push([a.name, v]);
    }
  } catch (e) {
    if (e instanceof ExpandError) {
      await sh.error(e.message);
      // An expansion error ends a non-interactive shell (POSIX), and the line in an interactive one.
      if (sh.mode !== 'interactive') throw new ExitShell(1);
      return (sh.status = 1);
    }
    throw e;
  }
  if (!argv.length) {
    for (const [k, v] of assigns) {
      try {
        sh.setVar(k, v);
      } catch (e) {
        if (!(e instanceof ShellError)) throw e;
        await sh.error(e.message);
        return (sh.status = 1);
      }
      if (sh.opts.xtrace) await sh.writeErr(`${ps4(sh)}${k}=${quote(v)}\n`);
    }
    const st = sh.substStatus ?? 0;
    if (redirs.length) return withRedirs(sh, redirs, async () => st);
    return (sh.status = st);
  }
  if (argv[0] === 'exec' && argv.length === 1 && !sh.funcs.has('exec')) {
    // `exec >file` redirects the shell itself from here on.
    try {
      sh.fds = await applyRedirs(sh, redirs, new Map(sh.fds));
    } catch (e) {
      if (!(e instanceof RedirError || e instanceof ExpandError)) throw e;
      await sh.error(e.message);
      return (sh.status = 1);
    }
    return (sh.status = 0);
  }
  if (sh.opts.xtrace) await sh.writeErr(ps4(sh) + [...assigns.map(([k, v]) => `${k}=${quote(v)}`), ...argv.map(quote)].join(' ') + '\n');
  return withRedirs(sh, redirs, async () => {
    const name = argv[0];
    const fn = sh.funcs.get(name);
    const bi = builtinFor(sh, name);
    if (fn || bi) {
      // Prefix assignments hold only for the duration of the builtin or function.
      const saved = assigns.map(([k]) => [k, sh.vars.get(k)] as const);
      for (const [k, v] of assigns) sh.vars.set(k, { value: v, exported: true, readonly: false });
      try {
        return (sh.status = fn ? await callFunction(sh, fn, argv) : await runBuiltin(sh, name, argv));
      } finally {
        for (const [k, old] of saved) {
          if (old) sh.vars.set(k, old);
          else sh.vars.delete(k);
        }
      }
    }
    return (sh.status = await runExternal(sh, argv, Object.fromEntries(assigns)));
  });
}

async function runBuiltin(sh: Shell, name: string, argv: string[]): Promise<number> {
  try {
    return await builtinFor(sh, name)!(sh, argv);
  } catch (e) {
    if (e instanceof ShellError) {
      await sh.error(`${name}: ${e.message}`);
      return e.status;
    }
    if (e instanceof ExpandError) {
      await sh.error(e.message);
      return 1;
    }
    // Output to a full disk: `bash: echo: write error: No space left on device`, status 1.
    if (isFsError(e) && e.syscall === 'write') {
      await sh.error(`${name}: write error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

export async function callFunction(sh: Shell, body: Command, argv: string[]): Promise<number> {
  const savedPos = sh.positionalParams;
  sh.positionalParams = argv.slice(1);
  const scope = new Map<string, import('./shell').Var | undefined>();
  if (sh.funcDepth >= MAX_FUNCTION_DEPTH) stackOverflow(sh);
  sh.locals.push(scope);
  sh.funcDepth++;
  try {
    return await runCommand(sh, body);
  } catch (e) {
    if (e instanceof ReturnFn) return (sh.status = e.status);
    throw e;
  } finally {
    sh.funcDepth--;
    sh.locals.pop();
    for (const [k, old] of scope) {
      if (old) sh.vars.set(k, old);
      else sh.vars.delete(k);
    }
    sh.positionalParams = savedPos;
  }
}

function ps4(sh: Shell): string {
  return sh.getVar('PS4') ?? '+ ';
}

export function quote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return "'" + s.replace(/'/g, "'\\''") + "'";
}

/** Find a command's file the way the shell does (hash table, then PATH). */
export function lookupCommand(sh: Shell, name: string): string | undefined {
  if (name.includes('/')) return sh.fs.resolve(name);
  const h = sh.hash.get(name);
  if (h && sh.fs.exists(h)) return h;
  const env = sh.environ();
  const path = sh.getVar('PATH');
  if (path !== undefined) env.PATH = path;
  const found = sh.sys.which(name, env, sh.fs);
  if (found) sh.hash.set(name, found);
  return found;
}

async function runExternal(sh: Shell, argv: string[], assigns: Record<string, string>): Promise<number> {
  const name = argv[0];
  const path = lookupCommand(sh, name);
  const dash = sh.flavour.name === 'dash';
  if (!path) {
    await sh.error(sh.flavour.notFound(name));
    return 127;
  }
  if (name.includes('/')) {
    try {
      const st = sh.fs.stat(path);
      if (st.kind === 'dir') {
        await sh.error(`${name}: ${dash ? 'Permission denied' : 'Is a directory'}`);
        return 126;
      }
      if (!sh.fs.access(path, X_OK)) {
        await sh.error(`${name}: Permission denied`);
        return 126;
      }
    } catch (e) {
      if (!isFsError(e)) throw e;
      await sh.error(dash ? sh.flavour.notFound(name) : `${name}: ${e.message}`);
      return 127;
    }
  }
  const stdio = {
    stdin: (sh.fds.get(0) as ReadStream | undefined) ?? bytesReader(''),
    stdout: (sh.fds.get(1) as WriteStream | undefined) ?? nullWriter(),
    stderr: (sh.fds.get(2) as WriteStream | undefined) ?? nullWriter(),
  };
  let child: ChildProcess;
  try {
    child = await forkOrFail(sh, () => sh.sys.spawn({ argv, path, env: sh.environ(assigns), cwd: sh.fs.cwd, ...stdio }));
  } catch (e) {
    if (!isFsError(e)) throw e;
    if (e.code === 'ENOEXEC') return runScriptFile(sh, path, argv);
    await sh.error(e.code === 'ENOENT' && !name.includes('/') ? sh.flavour.notFound(name) : `${name}: ${e.message}`);
    return e.code === 'ENOENT' ? 127 : 126;
  }
  return waitChild(sh, child);
}

/** A text file without `#!` that execve refused: the shell runs it itself, in a subshell. */
async function runScriptFile(sh: Shell, path: string, argv: string[]): Promise<number> {
  const src = sh.fs.readText(path);
  return inSubshell(sh, new Map(sh.fds), async (c) => {
    c.argv0 = argv[0];
    c.positionalParams = argv.slice(1);
    c.mode = 'script';
    c.funcs = new Map();
    return runSource(c, src);
  }, true);
}

export async function commandSubst(sh: Shell, body: List): Promise<string> {
  const dec = new TextDecoder();
  let out = '';
  const w: WriteStream = {
    isTTY: false,
    async write(chunk) {
      out += typeof chunk === 'string' ? chunk : dec.decode(chunk, { stream: true });
    },
    close() {},
  };
  const fds = new Map(sh.fds);
  fds.set(1, w);
  const st = await inSubshell(sh, fds, (c) => runList(c, body), false);
  sh.substStatus = st;
  sh.status = st;
  return out + dec.decode();
}

export async function runPendingTraps(sh: Shell): Promise<void> {
  while (sh.pendingSignals.length) {
    const sig = sh.pendingSignals.shift()!;
    const name = signalName(sig)?.slice(3) ?? String(sig);
    const action = sh.traps.get(name);
    if (!action) continue;
    const saved = sh.status;
    await runSource(sh, action);
    sh.status = saved;
  }
}

/** `command name args`: a builtin or a file, never a function. */
export async function runCommandBypassingFunctions(sh: Shell, argv: string[]): Promise<number> {
  if (builtinFor(sh, argv[0])) return runBuiltin(sh, argv[0], argv);
  return runExternal(sh, argv, {});
}

interpreter.commandSubst = commandSubst;
interpreter.runPendingTraps = runPendingTraps;
