/**
 * The interpreter: walks the AST. Every external command is a process started with `sys.spawn`;
 * builtins and functions run inside the shell; subshells run in a forked process when the kernel
 * offers `fork` (see ForkingSystem), else in a clone of the shell state. This file runs lists,
 * pipelines, subshells and background jobs; compound commands are in compound.ts, simple commands
 * (functions, builtins, external programs) in simple.ts.
 */
import type { AndOr, List, ListItem, Pipeline, SimpleCommand } from './ast';
import { plainText } from './ast';
import { parse, ParseError } from './parser';
import { bytesReader, nullWriter } from './redirect';
import { BreakLoop, canFork, ContinueLoop, ExitShell, interpreter, ReturnFn, Shell, type ForkingSystem, type Job, type Stream } from './shell';
import { Pipe } from '../engine/process/pipe';
import { EpipeError, signalName, type ChildProcess, type ReadStream, type WriteStream } from '../engine/process/types';
import { maxOf } from '../lib/arrays';
import { forkOrFail, signalDescription } from './limits';
import { runCommand, withRedirs } from './compound';
import { callFunction, lookupCommand, quote, runCommandBypassingFunctions } from './simple';

export { runCommand, withRedirs } from './compound';
export { callFunction, lookupCommand, quote, runCommandBypassingFunctions } from './simple';

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
    const child = await forkSubshell(sh, sys, fds, body);
    return waitChild(sh, child);
  }
  const c = sh.clone();
  c.fds = fds;
  return subshellBody(c, body);
}

/** A forked process running `body` in a clone of the shell whose descriptors 0–2 are the child's own. */
function forkSubshell(sh: Shell, sys: ForkingSystem, fds: Map<number, Stream>, body: (c: Shell) => Promise<number>): Promise<ChildProcess> {
  return forkOrFail(sh, () => sys.fork(
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
    const child = await forkSubshell(sh, sys, fds, (c) => runAndOr(c, item.cmd));
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


interpreter.commandSubst = commandSubst;
interpreter.runPendingTraps = runPendingTraps;
