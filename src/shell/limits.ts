/**
 * What a shell does when the machine says no: fork failing with EAGAIN (a process limit reached:
 * `--pids-limit`, the user's `ulimit -u`, a full process table) and a function recursing without
 * end (`ls() { ls -l; }; ls`).
 */
import { isFsError } from '../api/fs';
import { SIGNALS, type ChildProcess } from '../engine/process/types';
import { ExitShell, type Shell } from './shell';

/** A command line abandoned because fork failed (bash: throw_to_top_level); the status is kept. */
export class ForkFailed {
  constructor(readonly status: number) {}
}

/**
 * Start a child, retrying as the shell's make_child does. bash retries an EAGAIN fork while its
 * sleep doubles from 1 s below FORKSLEEP_MAX (16 s), saying `fork: retry: …` each time, then gives
 * up with `fork: …` and status 126 (EX_NOEXEC); dash and BusyBox ash give up at once with their
 * own words (sh_error: status 2). Giving up abandons the command line in an interactive shell and
 * ends a non-interactive one (bash's subshells exit; a script would go on, which is left out).
 */
export async function forkOrFail(sh: Shell, start: () => Promise<ChildProcess>): Promise<ChildProcess> {
  let sleep = 1;
  for (;;) {
    try {
      return await start();
    } catch (e) {
      if (!isFsError(e, 'EAGAIN')) throw e;
    }
    const name = sh.argv0.replace(/^-/, '');
    if (sh.flavour.name === 'bash') {
      if (sleep < 16) {
        await sh.writeErr(`${name}: fork: retry: Resource temporarily unavailable\n`);
        await sh.sys.clock.sleep(sleep * 1000, sh.signal);
        sleep <<= 1;
        continue;
      }
      await sh.writeErr(`${name}: fork: Resource temporarily unavailable\n`);
      return giveUp(sh, 126);
    }
    await sh.error(sh.flavour.name === 'dash' ? 'Cannot fork' : "can't fork: Resource temporarily unavailable");
    return giveUp(sh, 2);
  }
}

function giveUp(sh: Shell, status: number): never {
  sh.status = status;
  if (sh.mode === 'interactive' && !sh.isSubshell) throw new ForkFailed(status);
  throw new ExitShell(status);
}

/**
 * How deep shell functions may call each other. bash and dash have no limit of their own (bash's
 * FUNCNEST is unset by default): each call takes C stack, and the 8 MiB stack (`ulimit -s`) runs out
 * after some thousands of levels, when the kernel kills the shell with SIGSEGV and its parent
 * reports `Segmentation fault (core dumped)`, status 139. Our calls hold JavaScript promises
 * instead, so we choose the depth: 4,000 levels is as deep as a real shell gets within a small
 * factor, deeper than any sensible recursive script, and still a few tens of MB here.
 */
export const MAX_FUNCTION_DEPTH = 4000;

/** The stack overflowed: the shell process dies of SIGSEGV, as a real one does. */
export function stackOverflow(sh: Shell): never {
  const proc = sh.proc as { terminate?: (status: number) => void };
  const status = 128 + SIGNALS.SIGSEGV;
  if (proc.terminate) proc.terminate(status);
  throw sh.signal.aborted ? sh.signal.reason : new ExitShell(status);
}

/** What bash prints when a foreground job dies of a signal (not for SIGINT or SIGPIPE). */
export function signalDescription(sig: number): string | undefined {
  const words: Record<number, string> = {
    [SIGNALS.SIGHUP]: 'Hangup', [SIGNALS.SIGQUIT]: 'Quit (core dumped)', [SIGNALS.SIGILL]: 'Illegal instruction (core dumped)',
    [SIGNALS.SIGABRT]: 'Aborted (core dumped)', [SIGNALS.SIGBUS]: 'Bus error (core dumped)', [SIGNALS.SIGFPE]: 'Floating point exception (core dumped)',
    [SIGNALS.SIGKILL]: 'Killed', [SIGNALS.SIGUSR1]: 'User defined signal 1', [SIGNALS.SIGSEGV]: 'Segmentation fault (core dumped)',
    [SIGNALS.SIGUSR2]: 'User defined signal 2', [SIGNALS.SIGALRM]: 'Alarm clock', [SIGNALS.SIGTERM]: 'Terminated',
  };
  return words[sig];
}

/**
 * The longest string a shell variable may hold: 16 MiB. bash grows strings with xrealloc until
 * malloc fails; V8 cannot hold strings past about 512 MiB at all, and copying a big string is one
 * step nothing can interrupt (a 64 MiB doubling blocks the tab for seconds), so we stop well
 * before: a real 8 GB host would fail later, with the same words.
 */
export const MAX_SHELL_STRING = 16 * 1024 * 1024;
/** Values this small are part of the shell's baseline memory; larger ones are charged to its cgroup. */
const CHARGED_FROM = 64 * 1024;

/**
 * Account for a variable's new value (called before it is stored). A value past MAX_SHELL_STRING
 * makes the shell fail as bash does when malloc returns NULL (`xrealloc: cannot allocate …`, a
 * fatal error: the shell exits with status 2); under a memory limit (`docker run -m`) the cgroup
 * is charged first, so a container's memory bomb is an OOM kill (137) instead.
 */
export function accountString(sh: Shell, oldLength: number, newLength: number): void {
  if (newLength < CHARGED_FROM && oldLength < CHARGED_FROM) return;
  // JavaScript strings of this kind take two bytes a character; realloc holds both copies a moment.
  sh.sys.charge?.(2 * newLength);
  sh.sys.charge?.(-2 * oldLength);
  if (newLength > MAX_SHELL_STRING) outOfMemory(sh, newLength + 1);
}

function outOfMemory(sh: Shell, bytes: number): never {
  const words =
    sh.flavour.name === 'bash' ? `${sh.errPrefix()}xrealloc: cannot allocate ${bytes} bytes (${MAX_SHELL_STRING + 4096} bytes allocated)`
    : sh.flavour.name === 'dash' ? `${sh.errPrefix()}Out of space`
    : `${sh.argv0.replace(/^-/, '')}: out of memory`;
  void sh.writeErr(words + '\n');
  const proc = sh.proc as { terminate?: (status: number) => void };
  if (proc.terminate) proc.terminate(2);
  throw sh.signal.aborted ? sh.signal.reason : new ExitShell(2);
}
