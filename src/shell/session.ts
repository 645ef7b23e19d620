/**
 * The interactive shell: prompt, line editing, history, job notifications. A terminal owner either
 * lets `bash`/`sh` read a TTY (the program does the loop below) or drives a ShellSession itself
 * line by line (`runLine`).
 */
import type { Flavour } from './flavour';
import { expandPrompt } from './flavour';
import { runExitTrap, runList, runSource } from './exec';
import { jobLine } from './builtins/jobs';
import { parse, ParseError } from './parser';
import { ExitShell, Shell } from './shell';
import { Interrupted } from './shell';
import { ForkFailed } from './limits';
import { LineEditor, ttyOf, type TtyHandle } from './readline';
import { completeLine } from './complete';
import { SIGNALS, type ProgramContext, type WriteStream } from '../engine/process/types';

export class ShellSession {
  readonly sh: Shell;
  /** Set once `exit` ran (or Ctrl-D): the status the shell ends with. */
  exited?: number;

  constructor(ctx: ProgramContext, flavour: Flavour, opts: { interactive?: boolean } = {}) {
    this.sh = new Shell(ctx, flavour);
    initVars(this.sh);
    if (opts.interactive ?? true) {
      this.sh.mode = 'interactive';
      // An interactive shell survives Ctrl-C and `kill` (SIGTERM), as bash does.
      ctx.proc.setSignal(SIGNALS.SIGINT, () => {
        this.sh.interrupted = true;
      });
      ctx.proc.setSignal(SIGNALS.SIGTERM, 'ignore');
      ctx.proc.setSignal(SIGNALS.SIGQUIT, 'ignore');
    }
  }

  prompt(which: 'PS1' | 'PS2' = 'PS1'): string {
    const sh = this.sh;
    const ps = sh.getVar(which) ?? (which === 'PS1' ? sh.flavour.ps1 : '> ');
    const uid = sh.fs.cred.uid;
    return expandPrompt(ps, {
      user: sh.getVar('USER') ?? (uid === 0 ? 'root' : String(uid)),
      host: sh.sys.hostname(),
      cwd: sh.fs.cwd,
      home: sh.getVar('HOME'),
      uid,
      shell: sh.flavour.name,
      getVar: (n) => sh.getVar(n),
    });
  }

  /** Is this text a complete command (else the terminal shows PS2 and asks for more)? */
  isComplete(text: string): boolean {
    try {
      parse(text, 1, { heredocNeedsEnd: true });
      return true;
    } catch (e) {
      return !(e instanceof ParseError && e.incomplete);
    }
  }

  /**
   * What an interactive, non-login bash reads before its first prompt: Debian's and Ubuntu's
   * /etc/bash.bashrc (compiled in as SYS_BASHRC), then ~/.bashrc (CentOS's sources /etc/bashrc).
   * The prompt starts as bash's compiled default `\s-\v\$ ` and these files replace it, so an
   * image without them shows `bash-5.2#` as the real one does.
   */
  async readStartupFiles(norc = false): Promise<void> {
    const sh = this.sh;
    if (sh.getVar('PS1') === undefined) sh.setVar('PS1', '\\s-\\v\\$ ');
    if (norc) return;
    const home = sh.getVar('HOME');
    for (const file of ['/etc/bash.bashrc', home ? `${home.replace(/\/$/, '')}/.bashrc` : undefined]) {
      if (!file) continue;
      try {
        if (!sh.fs.exists(file) || !sh.fs.access(file, 4)) continue;
        sh.sourcing++;
        await runSource(sh, sh.fs.readText(file));
      } catch (e) {
        if (e instanceof ExitShell) throw e;
        // A broken rc file is reported by the commands in it; the shell still starts.
      } finally {
        sh.sourcing = Math.max(0, sh.sourcing - 1);
      }
    }
  }

  /**
   * An interactive bash appends the session's commands to ~/.bash_history when it exits (BusyBox
   * ash to ~/.ash_history): the file `docker diff` then shows as added in a container.
   */
  private saveHistory(): void {
    const sh = this.sh;
    const name = sh.flavour.name === 'bash' ? '.bash_history' : sh.flavour.name === 'ash' ? '.ash_history' : undefined;
    const home = sh.getVar('HOME');
    if (!name || !home || !this.startLen && sh.history.length === 0) return;
    const file = sh.getVar('HISTFILE') ?? `${home.replace(/\/$/, '')}/${name}`;
    const lines = sh.history.slice(this.startLen);
    if (!lines.length) return;
    try {
      sh.fs.writeFile(file, lines.map((l) => l + '\n').join(''), { append: true, mode: 0o600 });
    } catch {
      // no writable home (a read-only root, another user's HOME): bash says nothing either
    }
  }

  /** History entries that were there before this session (none for a fresh shell). */
  private startLen = 0;

  /** Run one (complete) command line as typed at the prompt. */
  async runLine(text: string): Promise<number> {
    const sh = this.sh;
    const trimmed = text.replace(/\n+$/, '');
    if (trimmed.trim()) sh.history.push(trimmed);
    sh.interrupted = false;
    const tty = ttyOf(sh.ctx.stdin);
    const keyed = tty?.signalsSent ?? 0;
    // After a job the keyboard killed (Ctrl-C, Ctrl-backslash), bash starts a new line below the `^C`.
    const newlineIfKilled = async () => {
      if (tty && (tty.signalsSent ?? 0) > keyed && sh.status > 128) await sh.writeErr('\n');
    };
    try {
      await runSource(sh, text);
      await newlineIfKilled();
    } catch (e) {
      if (e instanceof Interrupted) {
        sh.status = e.status;
        await newlineIfKilled();
        return sh.status;
      }
      if (e instanceof ForkFailed) return (sh.status = e.status);
      if (e instanceof ExitShell) {
        this.exited = await runExitTrap(sh, e.status);
        return this.exited;
      }
      throw e;
    }
    return sh.status;
  }

  /** `[1]+  Done  sleep 1` lines for jobs that ended since the last prompt. */
  async reportJobs(): Promise<void> {
    const sh = this.sh;
    const done = sh.jobs.filter((j) => j.status !== undefined);
    for (const j of done) await sh.writeErr(jobLine(sh, j, true));
    sh.jobs = sh.jobs.filter((j) => j.status === undefined);
  }

  complete(line: string, cursor: number) {
    return completeLine(this.sh, line, cursor);
  }

  /** The read-eval loop on a terminal. Returns the shell's exit status. */
  async loop(): Promise<number> {
    const sh = this.sh;
    const stdin = sh.stdin();
    const out = (sh.fds.get(2) ?? sh.fds.get(1)) as WriteStream;
    const tty: TtyHandle | undefined = ttyOf(sh.ctx.stdin);
    const editor = new LineEditor({ input: stdin, output: out, history: sh.history, completer: (l, c) => this.complete(l, c), signal: sh.signal });
    // A resized terminal gets the prompt drawn again (and, like readline, nothing else changes).
    if (tty && sh.mode === 'interactive' && sh.proc.getSignal(SIGNALS.SIGWINCH) === 'default') {
      sh.proc.setSignal(SIGNALS.SIGWINCH, () => void editor.refresh().catch(() => {}));
    }
    let buf = '';
    for (;;) {
      if (!buf) await this.reportJobs();
      const saved = tty && { ...tty.mode };
      if (tty) tty.mode = { canonical: false, echo: false, isig: false };
      const r = await editor.readLine(this.prompt(buf ? 'PS2' : 'PS1'));
      if (tty && saved) tty.mode = saved;
      if (r.kind === 'eof') {
        if (buf) {
          buf = '';
          continue;
        }
        if (sh.flavour.name === 'bash') await out.write('exit\n');
        this.saveHistory();
        return runExitTrap(sh, sh.status);
      }
      if (r.kind === 'interrupt') {
        buf = '';
        sh.status = 130;
        continue;
      }
      buf += r.line + '\n';
      if (!this.isComplete(buf)) continue;
      const text = buf;
      buf = '';
      if (tty) tty.mode = { canonical: true, echo: true, isig: true };
      const status = await this.runLine(text);
      // The host's login shell tells the machine what was typed (lessons read it); a container's
      // shell has no host services and records nothing.
      if (text.trim()) this.sh.sys.host?.record?.({ kind: 'line', text: text.replace(/\n+$/, ''), status });
      if (this.exited !== undefined) {
        this.saveHistory();
        return this.exited;
      }
    }
  }
}

function initVars(sh: Shell): void {
  const set = (k: string, v: string) => {
    if (sh.getVar(k) === undefined) sh.setVar(k, v);
  };
  sh.setVar('PWD', sh.fs.cwd, { export: true });
  set('PS2', '> ');
  set('PS4', '+ ');
  set('OPTIND', '1');
  sh.setVar('PPID', String(sh.proc.info.ppid));
  if (sh.flavour.name === 'bash') {
    const lvl = Number(sh.getVar('SHLVL') ?? '0') || 0;
    sh.setVar('SHLVL', String(lvl + 1), { export: true });
  }
  if (sh.getVar('PATH') === undefined) sh.setVar('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
}

/** Run a script text non-interactively in a fresh shell state; returns its status (EXIT trap included). */
export async function runScript(sh: Shell, src: string, what?: string): Promise<number> {
  initVars(sh);
  let st: number;
  try {
    st = await runSource(sh, src, what);
  } catch (e) {
    if (e instanceof ExitShell) st = e.status;
    else throw e;
  }
  return runExitTrap(sh, st);
}

/**
 * `echo ls | bash`, `bash < script`, `docker exec -i c bash`: a shell reading commands from a pipe
 * runs each one as soon as its last line arrives (so a learner typing into `exec -i` sees output
 * at once), and takes no more bytes than that line, so a command it runs (`read`, `cat`) gets
 * the rest of the input, as bash's unbuffered reads of a pipe do.
 */
export async function runStdinScript(sh: Shell): Promise<number> {
  initVars(sh);
  const input = sh.stdin();
  const dec = new TextDecoder();
  let buf = '';
  let line = 1;
  let st = 0;
  const run = async (text: string) => {
    st = await runSource(sh, text, '', line);
    line += text.split('\n').length - 1;
  };
  try {
    for (;;) {
      const chunk = await input.read(sh.signal);
      if (chunk === null) {
        buf += dec.decode();
        if (buf.trim()) await run(buf);
        break;
      }
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        buf += dec.decode(chunk, { stream: true });
        continue;
      }
      input.unread(chunk.subarray(nl + 1));
      buf += dec.decode(chunk.subarray(0, nl + 1), { stream: true });
      if (!complete(buf)) continue;
      const text = buf;
      buf = '';
      await run(text);
    }
  } catch (e) {
    if (e instanceof ExitShell) st = e.status;
    else throw e;
  }
  return runExitTrap(sh, st);
}

function complete(text: string): boolean {
  try {
    parse(text, 1, { heredocNeedsEnd: true });
    return true;
  } catch (e) {
    return !(e instanceof ParseError && e.incomplete);
  }
}

export { runList };
