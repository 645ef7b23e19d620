/**
 * A simple command: assignments, expansion, redirections, then a function, a builtin or a file
 * run as a process (PATH lookup with the hash table, `#!`-less scripts run by the shell itself).
 */
import type { Command, SimpleCommand } from './ast';
import { plainText } from './ast';
import { builtinFor, DECLARATION } from './builtins';
import { ExpandError } from './expand';
import { parse } from './parser';
import { applyRedirs, bytesReader, nullWriter, RedirError } from './redirect';
import { ExitShell, Interrupted, ReturnFn, Shell, ShellError } from './shell';
import { SIGNALS, type ChildProcess, type ReadStream, type WriteStream } from '../engine/process/types';
import { isFsError, X_OK } from '../api/fs';
import { pushAll } from '../lib/arrays';
import { forkOrFail, MAX_FUNCTION_DEPTH, stackOverflow } from './limits';
import { inSubshell, runSource, waitChild } from './exec';
import { runCommand, withRedirs } from './compound';

export async function runSimple(sh: Shell, cmd: SimpleCommand): Promise<number> {
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

export async function runBuiltin(sh: Shell, name: string, argv: string[]): Promise<number> {
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
  // Ctrl-C typed right after Enter reaches the shell itself while it still holds the terminal: as
  // bash's QUIT check before it forks, the command line is abandoned and the prompt comes back.
  if (sh.interrupted) {
    sh.interrupted = false;
    throw new Interrupted();
  }
  let child: ChildProcess;
  try {
    child = await forkOrFail(sh, () => sh.sys.spawn({ argv, path, env: sh.environ(assigns), cwd: sh.fs.cwd, ...stdio }));
    // One that came while the child was being made belongs to the job now holding the terminal.
    if (sh.interrupted) {
      sh.interrupted = false;
      child.kill(SIGNALS.SIGINT);
    }
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

/** `command name args`: a builtin or a file, never a function. */
export async function runCommandBypassingFunctions(sh: Shell, argv: string[]): Promise<number> {
  if (builtinFor(sh, argv[0])) return runBuiltin(sh, argv[0], argv);
  return runExternal(sh, argv, {});
}
