/** Builtins about the shell's own running: cd, echo, printf, exit, eval, source, type, … */
import { USER_MAX_PROCESSES } from '../../engine/process/cgroup';
import type { Builtin } from './index';
import { KEYWORDS, builtinFor } from './index';
import { err, out } from './io';
import { backslashEscapes } from '../../lib/backslash-escapes';
import { printf } from './printf';
import { BreakLoop, ContinueLoop, ExitShell, ReturnFn, ShellError, type Shell } from '../shell';
import { lookupCommand, runCommandBypassingFunctions, runSource } from '../exec';
import { evalTest } from '../test';
import { isFsError, X_OK } from '../../api/fs';

function num(sh: Shell, name: string, s: string | undefined, dflt: number): number {
  if (s === undefined) return dflt;
  if (!/^-?\d+$/.test(s)) throw new ShellError(`${s}: numeric argument required`, 2);
  return Number(s);
}

const cd: Builtin = async (sh, argv) => {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  let dir: string | undefined = args[0];
  let print = false;
  if (dir === undefined) {
    dir = sh.getVar('HOME');
    if (dir === undefined) throw new ShellError('HOME not set');
    if (dir === '') return 0;
  } else if (dir === '-') {
    dir = sh.getVar('OLDPWD');
    if (dir === undefined) throw new ShellError('OLDPWD not set');
    print = true;
  }
  if (args.length > 1 && sh.flavour.name === 'bash') throw new ShellError('too many arguments');
  const target = sh.fs.resolve(dir);
  const shown = dir;
  const fail = (why: string) => {
    if (sh.flavour.name === 'dash') return new ShellError(`can't cd to ${shown}`, 2);
    if (sh.flavour.name === 'ash') return new ShellError(`can't cd to ${shown}: ${why}`);
    return new ShellError(`${shown}: ${why}`);
  };
  try {
    const st = sh.fs.stat(target);
    if (st.kind !== 'dir') throw fail('Not a directory');
    if (!sh.fs.access(target, X_OK)) throw fail('Permission denied');
  } catch (e) {
    if (isFsError(e)) throw fail(e.message);
    throw e;
  }
  const old = sh.getVar('PWD') ?? sh.fs.cwd;
  sh.fs = sh.fs.withCwd(target);
  sh.setVar('OLDPWD', old);
  sh.setVar('PWD', target);
  if (print) await out(sh, target + '\n');
  return 0;
};

const pwd: Builtin = async (sh, argv) => {
  await out(sh, (argv.includes('-P') ? sh.fs.realpath('.') : sh.fs.cwd) + '\n');
  return 0;
};

const echo: Builtin = async (sh, argv) => {
  let args = argv.slice(1);
  let newline = true;
  let interpret = sh.flavour.name === 'dash';
  if (sh.flavour.name === 'dash') {
    if (args[0] === '-n') (newline = false), (args = args.slice(1));
  } else {
    while (args.length && /^-[neE]+$/.test(args[0])) {
      for (const f of args[0].slice(1)) {
        if (f === 'n') newline = false;
        else interpret = f === 'e';
      }
      args = args.slice(1);
    }
  }
  let text = args.join(' ');
  if (interpret) {
    const r = backslashEscapes(text, 'echo');
    text = r.text;
    if (r.stop) newline = false;
    if (r.stop) return out(sh, text).then(() => 0);
  }
  await out(sh, newline ? text + '\n' : text);
  return 0;
};
const exit: Builtin = async (sh, argv) => {
  if (sh.mode === 'interactive' && !sh.isSubshell && sh.flavour.name === 'bash') await sh.writeErr('exit\n');
  let n: number;
  try {
    n = num(sh, 'exit', argv[1], sh.status);
  } catch (e) {
    await err(sh, 'exit', (e as Error).message);
    n = 2;
  }
  throw new ExitShell(n & 255);
};

const ret: Builtin = async (sh, argv) => {
  if (sh.funcDepth === 0 && !sh.sourcing) throw new ShellError("can only `return' from a function or sourced script");
  throw new ReturnFn(num(sh, 'return', argv[1], sh.status) & 255);
};

const loopCtl = (Ctor: typeof BreakLoop | typeof ContinueLoop, name: string): Builtin => async (sh, argv) => {
  const n = num(sh, name, argv[1], 1);
  if (n < 1) throw new ShellError(`${argv[1]}: loop count out of range`);
  if (sh.loopDepth === 0) {
    if (sh.flavour.name === 'bash') await err(sh, name, "only meaningful in a `for', `while', or `until' loop");
    return 0;
  }
  throw new Ctor(Math.min(n, sh.loopDepth));
};

const evalB: Builtin = async (sh, argv) => runSource(sh, argv.slice(1).join(' '));

const source: Builtin = async (sh, argv) => {
  const file = argv[1];
  if (file === undefined) throw new ShellError('filename argument required', 2);
  let path = file;
  if (!file.includes('/')) {
    const found = (sh.getVar('PATH') ?? '').split(':').map((d) => (d || '.') + '/' + file).find((p) => sh.fs.exists(p) && sh.fs.stat(p).kind === 'file');
    path = found ?? file;
  }
  let text: string;
  try {
    text = sh.fs.readText(path);
  } catch (e) {
    if (!isFsError(e)) throw e;
    if (sh.flavour.name === 'dash') await sh.error(`${argv[0]}: cannot open ${file}: No such file`);
    else await sh.error(`${file}: ${e.message}`);
    if (sh.mode !== 'interactive') throw new ExitShell(sh.flavour.name === 'bash' ? 1 : 2);
    return 1;
  }
  const savedPos = sh.positionalParams;
  if (argv.length > 2) sh.positionalParams = argv.slice(2);
  sh.sourcing++;
  try {
    return await runSource(sh, text);
  } catch (e) {
    if (e instanceof ReturnFn) return e.status;
    throw e;
  } finally {
    sh.sourcing--;
    if (argv.length > 2) sh.positionalParams = savedPos;
  }
};

const test: Builtin = async (sh, argv) => {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') throw new ShellError("missing `]'", 2);
    args = args.slice(0, -1);
  }
  return evalTest(sh, args) ? 0 : 1;
};

/** What a name would run as: 'alias' | 'keyword' | 'function' | 'builtin' | 'file' | undefined. */
export function commandKind(sh: Shell, name: string): { kind: string; path?: string } | undefined {
  if (sh.aliases.has(name)) return { kind: 'alias' };
  if (KEYWORDS.includes(name)) return { kind: 'keyword' };
  if (sh.funcs.has(name)) return { kind: 'function' };
  if (builtinFor(sh, name)) return { kind: 'builtin' };
  const p = lookupCommand(sh, name);
  if (p && sh.fs.exists(p)) return { kind: 'file', path: p };
  return undefined;
}

const type: Builtin = async (sh, argv) => {
  let status = 0;
  const flags = argv.slice(1).filter((a) => a.startsWith('-'));
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const k = commandKind(sh, name);
    if (flags.includes('-t')) {
      if (k) await out(sh, k.kind + '\n');
      else status = 1;
      continue;
    }
    if (!k) {
      if (sh.flavour.name === 'bash') await err(sh, 'type', `${name}: not found`);
      else await out(sh, `${name}: not found\n`);
      status = 1;
      continue;
    }
    const text: Record<string, string> = {
      alias: `${name} is aliased to \`${sh.aliases.get(name)}'`,
      keyword: `${name} is a shell keyword`,
      function: `${name} is a function`,
      builtin: `${name} is a shell builtin`,
      file: `${name} is ${k.path}`,
    };
    await out(sh, text[k.kind] + '\n');
  }
  return status;
};

const command: Builtin = async (sh, argv) => {
  let i = 1;
  let mode = '';
  while (argv[i]?.startsWith('-')) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    mode = argv[i].includes('v') ? 'v' : argv[i].includes('V') ? 'V' : mode;
    i++;
  }
  const name = argv[i];
  if (name === undefined) return 0;
  if (mode === 'V') return type(sh, ['type', name]);
  if (mode === 'v') {
    const k = commandKind(sh, name);
    if (!k) return 1;
    await out(sh, (k.kind === 'file' ? k.path : k.kind === 'alias' ? `alias ${name}='${sh.aliases.get(name)}'` : name) + '\n');
    return 0;
  }
  return runCommandBypassingFunctions(sh, argv.slice(i));
};

const hash: Builtin = async (sh, argv) => {
  if (argv[1] === '-r') {
    sh.hash.clear();
    return 0;
  }
  if (argv.length > 1) {
    for (const n of argv.slice(1)) if (!lookupCommand(sh, n)) await err(sh, 'hash', `${n}: not found`);
    return 0;
  }
  if (!sh.hash.size) {
    await err(sh, 'hash', 'hash table empty');
    return 0;
  }
  let s = 'hits\tcommand\n';
  for (const p of sh.hash.values()) s += `   1\t${p}\n`;
  await out(sh, s);
  return 0;
};

const alias: Builtin = async (sh, argv) => {
  if (argv.length === 1) {
    for (const [k, v] of [...sh.aliases].sort()) await out(sh, `alias ${k}='${v.replace(/'/g, "'\\''")}'\n`);
    return 0;
  }
  let st = 0;
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (sh.aliases.has(a)) await out(sh, `alias ${a}='${sh.aliases.get(a)}'\n`);
    else {
      await err(sh, 'alias', `${a}: not found`);
      st = 1;
    }
  }
  return st;
};

const unalias: Builtin = async (sh, argv) => {
  if (argv[1] === '-a') {
    sh.aliases.clear();
    return 0;
  }
  let st = 0;
  for (const a of argv.slice(1)) {
    if (!sh.aliases.delete(a)) {
      await err(sh, 'unalias', `${a}: not found`);
      st = 1;
    }
  }
  return st;
};

const umask: Builtin = async (sh, argv) => {
  const a = argv.filter((x) => x !== '-S')[1];
  if (a === undefined) {
    if (argv.includes('-S')) {
      const p = (shift: number) => { const b = (~sh.umask >> shift) & 7; return (b & 4 ? 'r' : '') + (b & 2 ? 'w' : '') + (b & 1 ? 'x' : ''); };
      await out(sh, `u=${p(6)},g=${p(3)},o=${p(0)}\n`);
    } else await out(sh, sh.umask.toString(8).padStart(4, '0') + '\n');
    return 0;
  }
  if (!/^[0-7]{1,4}$/.test(a)) throw new ShellError(`${a}: octal number out of range`);
  sh.umask = parseInt(a, 8);
  return 0;
};

const history: Builtin = async (sh, argv) => {
  if (argv[1] === '-c') {
    sh.history.length = 0;
    return 0;
  }
  const n = argv[1] ? Number(argv[1]) : sh.history.length;
  const start = Math.max(0, sh.history.length - n);
  let s = '';
  for (let i = start; i < sh.history.length; i++) s += `${String(i + 1).padStart(5)}  ${sh.history[i]}\n`;
  await out(sh, s);
  return 0;
};

/**
 * ulimit: the limits a process starts with. In a container Docker's defaults apply (open files
 * 1048576, processes unlimited); the host's login shell has Ubuntu's (1024 open files). Setting a
 * limit is accepted and remembered for this shell only.
 */
const LIMITS: [string, string, string, (c: boolean) => string][] = [
  ['c', 'core file size', '(blocks, -c)', (c) => (c ? 'unlimited' : '0')],
  ['d', 'data seg size', '(kbytes, -d)', () => 'unlimited'],
  ['e', 'scheduling priority', '(-e)', () => '0'],
  ['f', 'file size', '(blocks, -f)', () => 'unlimited'],
  ['i', 'pending signals', '(-i)', () => '31439'],
  ['l', 'max locked memory', '(kbytes, -l)', () => '8192'],
  ['m', 'max memory size', '(kbytes, -m)', () => 'unlimited'],
  ['n', 'open files', '(-n)', (c) => (c ? '1048576' : '1024')],
  ['p', 'pipe size', '(512 bytes, -p)', () => '8'],
  ['q', 'POSIX message queues', '(bytes, -q)', () => '819200'],
  ['r', 'real-time priority', '(-r)', () => '0'],
  ['s', 'stack size', '(kbytes, -s)', () => '8192'],
  ['t', 'cpu time', '(seconds, -t)', () => 'unlimited'],
  ['u', 'max user processes', '(-u)', (c) => (c ? 'unlimited' : String(USER_MAX_PROCESSES))],
  ['v', 'virtual memory', '(kbytes, -v)', () => 'unlimited'],
  ['x', 'file locks', '(-x)', () => 'unlimited'],
];

const ulimit: Builtin = async (sh, argv) => {
  const inContainer = sh.fs.exists('/.dockerenv');
  const set = ((sh as unknown as { limits?: Map<string, string> }).limits ??= new Map());
  const value = (l: (typeof LIMITS)[number]) => set.get(l[0]) ?? l[3](inContainer);
  const opts = argv.slice(1).filter((a) => a.startsWith('-')).flatMap((a) => [...a.slice(1)]).filter((c) => c !== 'S' && c !== 'H');
  const operand = argv.slice(1).find((a) => !a.startsWith('-'));
  if (opts.includes('a')) {
    // bash: the name, the unit right-aligned to column 40, then the value.
    await out(sh, LIMITS.map((l) => `${l[1]}${l[2].padStart(40 - l[1].length)} ${value(l)}\n`).join(''));
    return 0;
  }
  const which = LIMITS.find((l) => l[0] === (opts[0] ?? 'f'));
  if (!which) throw new ShellError(`-${opts[0]}: invalid option\nulimit: usage: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]`, 2);
  if (operand !== undefined) {
    if (operand !== 'unlimited' && !/^\d+$/.test(operand)) throw new ShellError(`${operand}: invalid number`);
    set.set(which[0], operand);
    return 0;
  }
  await out(sh, value(which) + '\n');
  return 0;
};

const times: Builtin = async (sh) => {
  await out(sh, '0m0.010s 0m0.005s\n0m0.000s 0m0.000s\n');
  return 0;
};

export const coreBuiltins: [string, Builtin][] = [
  ['cd', cd], ['pwd', pwd], ['echo', echo], ['printf', printf], ['exit', exit], ['return', ret],
  ['break', loopCtl(BreakLoop, 'break')], ['continue', loopCtl(ContinueLoop, 'continue')],
  ['eval', evalB], ['source', source], ['.', source], ['test', test], ['[', test],
  ['true', async () => 0], ['false', async () => 1], [':', async () => 0],
  ['type', type], ['command', command], ['hash', hash], ['alias', alias], ['unalias', unalias],
  ['umask', umask], ['history', history], ['times', times], ['ulimit', ulimit],
];
