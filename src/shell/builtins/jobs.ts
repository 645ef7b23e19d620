/** Builtins about processes and signals: trap, kill, wait, jobs, exec. */
import type { Builtin } from './index';
import { err, out } from './io';
import { ExitShell, ShellError, type Job, type Shell } from '../shell';
import { lookupCommand, quote } from '../exec';
import { SIGNALS, signalName, signalNumber, type WriteStream, type ReadStream } from '../../engine/process/types';
import { isFsError } from '../../api/fs';

function trapName(s: string): string | undefined {
  if (s === '0' || s.toUpperCase() === 'EXIT') return 'EXIT';
  const n = signalNumber(s);
  if (n === undefined || n <= 0 || n > 64) return undefined;
  return signalName(n)?.slice(3);
}

/** Record a caught signal and wake a `wait` that is blocked on it. */
export function catchSignal(sh: Shell, sig: number): void {
  sh.pendingSignals.push(sig);
  for (const w of sh.signalWaiters.splice(0)) w();
}

const trap: Builtin = async (sh, argv) => {
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (!args.length || args[0] === '-p') {
    let s = '';
    for (const [k, v] of sh.traps) s += `trap -- ${quote(v) === v ? `'${v}'` : quote(v)} ${k}\n`;
    await out(sh, s);
    return 0;
  }
  if (args[0] === '-l') {
    await out(sh, Object.entries(SIGNALS).map(([k, v]) => `${String(v).padStart(2)}) ${k}`).join('\n') + '\n');
    return 0;
  }
  // `trap SIG` alone (a number) resets it, as does `trap - SIG`.
  let action: string | undefined = args[0];
  let sigs = args.slice(1);
  if (!sigs.length || /^\d+$/.test(action)) {
    sigs = args;
    action = '-';
  }
  let st = 0;
  for (const s of sigs) {
    const name = trapName(s);
    if (!name) {
      await err(sh, 'trap', `${s}: invalid signal specification`);
      st = 1;
      continue;
    }
    const num = name === 'EXIT' ? 0 : SIGNALS[('SIG' + name) as keyof typeof SIGNALS];
    if (action === '-') {
      sh.traps.delete(name);
      if (num) sh.proc.setSignal(num, 'default');
    } else {
      sh.traps.set(name, action);
      if (num) sh.proc.setSignal(num, action === '' ? 'ignore' : (sig) => catchSignal(sh, sig));
    }
  }
  return st;
};

function findJob(sh: Shell, spec: string): Job | undefined {
  if (spec.startsWith('%')) {
    const r = spec.slice(1);
    if (r === '' || r === '%' || r === '+') return sh.jobs[sh.jobs.length - 1];
    if (r === '-') return sh.jobs[sh.jobs.length - 2];
    if (/^\d+$/.test(r)) return sh.jobs.find((j) => j.id === Number(r));
    return sh.jobs.find((j) => j.text.startsWith(r));
  }
  return sh.jobs.find((j) => j.pid === Number(spec));
}

const kill: Builtin = async (sh, argv) => {
  let sig = SIGNALS.SIGTERM as number;
  let i = 1;
  if (argv[1] === '-l' || argv[1] === '-L') {
    if (argv[2]) {
      const n = Number(argv[2]);
      await out(sh, (n > 128 ? signalName(n - 128) : signalName(n))?.slice(3) + '\n');
    } else await out(sh, Object.entries(SIGNALS).map(([k, v]) => `${String(v).padStart(2)}) ${k}`).join('\n') + '\n');
    return 0;
  }
  if (argv[1] === '-s' || argv[1] === '-n') {
    const n = signalNumber(argv[2] ?? '');
    if (n === undefined) throw new ShellError(`${argv[2]}: invalid signal specification`);
    sig = n;
    i = 3;
  } else if (argv[1]?.startsWith('-') && argv[1] !== '--') {
    const n = signalNumber(argv[1].slice(1));
    if (n === undefined) throw new ShellError(`${argv[1].slice(1)}: invalid signal specification`);
    sig = n;
    i = 2;
  }
  if (argv[i] === '--') i++;
  if (i >= argv.length) throw new ShellError('usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]', 2);
  let st = 0;
  for (const t of argv.slice(i)) {
    const job = findJob(sh, t);
    if (t.startsWith('%') && !job) {
      await err(sh, 'kill', `${t}: no such job`);
      st = 1;
      continue;
    }
    if (job?.abort) {
      job.abort.abort(Object.assign(new Error('killed'), { signal: sig }));
      continue;
    }
    const pid = job ? job.pid : Number(t);
    if (!Number.isInteger(pid)) {
      await err(sh, 'kill', `${t}: arguments must be process or job IDs`);
      st = 1;
      continue;
    }
    if (pid === -1) {
      // kill(2) with pid -1: every process the caller may signal except init and itself (how a
      // learner stops a fork bomb: `kill -9 -1`).
      const me = sh.sys.processes(sh.proc).find((p) => p.pid === sh.proc.info.nsPid)?.pid ?? sh.proc.info.pid;
      for (const p of sh.sys.processes(sh.proc)) {
        if (p.pid === 1 || p.pid === me) continue;
        try {
          sh.sys.kill(p.pid, sig, sh.proc);
        } catch {
          /* not ours, or gone already: kill(-1) skips it */
        }
      }
      continue;
    }
    const exists = sh.sys.processes(sh.proc).some((p) => p.pid === pid);
    if (!exists) {
      await err(sh, 'kill', `(${pid}) - No such process`);
      st = 1;
      continue;
    }
    try {
      sh.sys.kill(pid, sig, sh.proc);
    } catch (e) {
      // Another user's process: kill(2) fails with EPERM, which bash reports and goes on.
      if (!isFsError(e, 'EPERM')) throw e;
      await err(sh, 'kill', `(${pid}) - Operation not permitted`);
      st = 1;
    }
  }
  return st;
};

/** Wait for a job, or stop early with 128+N when a trapped signal arrives (as bash's wait does). */
async function waitJob(sh: Shell, job: Job): Promise<number> {
  let wake!: () => void;
  const sig = new Promise<'signal'>((r) => {
    wake = () => r('signal');
    sh.signalWaiters.push(wake);
  });
  const abort = new Promise<never>((_, rej) => {
    if (sh.signal.aborted) rej(sh.signal.reason);
    sh.signal.addEventListener('abort', () => rej(sh.signal.reason), { once: true });
  });
  const r = await Promise.race([job.done, sig, abort]);
  const k = sh.signalWaiters.indexOf(wake);
  if (k >= 0) sh.signalWaiters.splice(k, 1);
  if (r === 'signal') return 128 + (sh.pendingSignals[0] ?? 0);
  return r;
}

const wait: Builtin = async (sh, argv) => {
  const targets = argv.slice(1);
  if (!targets.length) {
    for (const job of [...sh.jobs]) {
      const r = await waitJob(sh, job);
      if (r > 128 && sh.pendingSignals.length) return r;
    }
    sh.jobs = [];
    return 0;
  }
  let st = 0;
  for (const t of targets) {
    const job = findJob(sh, t);
    if (!job) {
      await err(sh, 'wait', t.startsWith('%') ? `${t}: no such job` : `pid ${t} is not a child of this shell`);
      st = 127;
      continue;
    }
    st = await waitJob(sh, job);
    if (job.status !== undefined) sh.jobs = sh.jobs.filter((j) => j !== job);
  }
  return st;
};

export function jobLine(sh: Shell, job: Job, done: boolean): string {
  const idx = sh.jobs.indexOf(job);
  const mark = idx === sh.jobs.length - 1 ? '+' : idx === sh.jobs.length - 2 ? '-' : ' ';
  const state = !done ? 'Running' : job.status === 0 ? 'Done' : job.status! > 128 ? (signalName(job.status! - 128) === 'SIGTERM' ? 'Terminated' : signalName(job.status! - 128) === 'SIGKILL' ? 'Killed' : `Exit ${job.status}`) : `Exit ${job.status}`;
  return `[${job.id}]${mark}  ${state.padEnd(24)}${job.text}${done ? '' : ' &'}\n`;
}

const jobs: Builtin = async (sh, argv) => {
  const pidsOnly = argv.includes('-p');
  let s = '';
  for (const job of sh.jobs) s += pidsOnly ? `${job.pid}\n` : (argv.includes('-l') ? jobLine(sh, job, job.status !== undefined).replace(/^(\[\d+\].)/, `$1 ${job.pid}`) : jobLine(sh, job, job.status !== undefined));
  await out(sh, s);
  const finished = sh.jobs.filter((j) => j.status !== undefined);
  sh.jobs = sh.jobs.filter((j) => !finished.includes(j));
  return 0;
};

const exec: Builtin = async (sh, argv) => {
  const args = argv.slice(1);
  while (args[0]?.startsWith('-') && args[0] !== '--') args.shift();
  if (args[0] === '--') args.shift();
  if (!args.length) return 0;
  const path = lookupCommand(sh, args[0]);
  if (!path) {
    await sh.error(`exec: ${args[0]}: not found`);
    if (sh.mode !== 'interactive') throw new ExitShell(127);
    return 127;
  }
  let st: number;
  try {
    st = await sh.sys.exec(sh.proc, {
      argv: args,
      path,
      env: sh.environ(),
      cwd: sh.fs.cwd,
      stdin: sh.fds.get(0) as ReadStream,
      stdout: sh.fds.get(1) as WriteStream,
      stderr: sh.fds.get(2) as WriteStream,
    });
  } catch (e) {
    if (!isFsError(e)) throw e;
    await sh.error(`${args[0]}: ${e.message}`);
    st = e.code === 'ENOENT' ? 127 : 126;
  }
  throw new ExitShell(st);
};

export const jobBuiltins: [string, Builtin][] = [
  ['trap', trap], ['kill', kill], ['wait', wait], ['jobs', jobs], ['exec', exec],
];
