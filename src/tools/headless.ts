/**
 * The headless runner's core, shared by `npm run sim` and the transcript tests: boot a machine on
 * virtual time, type lines into its terminal one at a time, and collect exactly what the terminal
 * shows. See DESIGN.md "The headless runner" for the contract.
 */
import { Machine } from '../engine/machine';
import type { VirtualClock } from '../engine/clock';
import { realWorkInFlight, realWorkSettled } from '../lib/realwork';

/** A foreground command still running after this much simulated time gets the next line typed ahead. */
const TYPE_AHEAD_MS = 60_000;
/**
 * Real time (ms) to wait for untracked work when nothing is scheduled, counted from the last sign
 * of progress (output, a timer, a process started or ended), and the longest wait for tracked real
 * work (a module loading) before the runner gives up on it and types ahead.
 */
const IDLE_QUIET_MS = 250;
/** The same before letting simulated time jump ahead to the limit past a long wait (a server running). */
const FAR_QUIET_MS = 10;
const REAL_WORK_MAX_MS = 120_000;

export { parseKeys } from '../lessons/keys';
import { parseKeys } from '../lessons/keys';
import { dockerClient } from '../cli/client';

export function stripAnsi(s: string): string {
  // CSI sequences, OSC sequences, and lone ESC-x; then fold CRLF and drop stray CRs at line ends
  return s
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '')
    .replace(/\x1b[@-Z\\-_]/g, '')
    .replace(/\r+\n/g, '\n')
    // A lone carriage return starts the line over (a redrawn prompt): keep what the screen keeps.
    .split('\n')
    .map((line) => (line.includes('\r') ? line.slice(line.lastIndexOf('\r') + 1) : line))
    .join('\n');
}

function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new Error(`bad duration: ${s}`);
  const n = Number(m[1]);
  return n * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] as number);
}

export interface HeadlessResult {
  output: string;
  machine: Machine;
}

export class Headless {
  private out: string[] = [];
  private constructor(
    readonly machine: Machine,
    private readonly session: ReturnType<Machine['openTerminal']>,
    private readonly clock: VirtualClock,
  ) {
    session.onOutput((s) => this.out.push(s));
  }

  static async start(seed = 1): Promise<Headless> {
    return Headless.over(await Machine.boot({ client: dockerClient, seed, clock: 'virtual' }));
  }

  /** Drive a machine booted elsewhere (on virtual time): a lesson's start state, a replayed link. */
  static async over(machine: Machine): Promise<Headless> {
    const h = new Headless(machine, machine.openTerminal(), machine.clock as VirtualClock);
    await h.settle();
    return h;
  }

  /** Close the terminal (the machine goes on). */
  close(): void {
    this.session.close();
  }

  /** Let the machine run until the terminal waits for input, virtual time runs out, or nothing can happen. */
  async settle(limitMs = TYPE_AHEAD_MS): Promise<void> {
    const start = this.clock.now();
    for (;;) {
      await flush();
      // A program's code still loading (realwork.ts): virtual time stands still and the next line
      // waits, so a transcript runs the same whether the code was loaded already or not.
      if (realWorkInFlight() > 0) {
        await realWorkSettled();
        continue;
      }
      if (this.session.awaitingInput()) return;
      if (this.clock.now() - start >= limitMs) return;
      if (this.clock.runNext(start + limitMs)) continue;
      // Only timers past the limit, or none: unless real work is still in flight (a module
      // loading on first use), the command is still running when the limit comes (or waits forever).
      const far = this.clock.nextDue() !== undefined;
      if (await this.idleWait(far ? FAR_QUIET_MS : IDLE_QUIET_MS)) continue;
      if (far) this.clock.set(start + limitMs);
      return;
    }
  }

  /**
   * Nothing is due on the virtual clock within the limit and no prompt waits: is the machine idle or
   * busy with real work? Tracked work in flight (module loads, `../engine/realwork.ts`) is waited
   * for; other work gets `quietMs` of real time after its last sign of progress, so a slow first
   * command on a loaded machine is not mistaken for one that waits. True when something changed.
   */
  private async idleWait(quietMs: number): Promise<boolean> {
    const before = this.stateMark();
    let seen = this.progressMark();
    let quietSince = Date.now();
    const deadline = Date.now() + REAL_WORK_MAX_MS;
    while (Date.now() < deadline) {
      if (realWorkInFlight() > 0) {
        await Promise.race([realWorkSettled(), sleepReal(Math.max(0, deadline - Date.now()))]);
        await flush();
        quietSince = Date.now();
      } else await sleepReal(quietMs > 20 ? 5 : 1);
      if (this.stateMark() !== before) return true;
      const mark = this.progressMark();
      if (mark !== seen) {
        seen = mark;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs) return false;
    }
    return false;
  }

  /** What decides the runner's next move: a prompt waiting, the timers scheduled. */
  private stateMark(): string {
    return `${this.session.awaitingInput()}/${this.clock.pending()}/${this.clock.nextDue()}`;
  }

  /** Something that changes when the machine does visible work: output shown, processes started or ended. */
  private progressMark(): string {
    const procs = this.machine.kernel.procs;
    let last = 0;
    for (const pid of procs.keys()) last = Math.max(last, pid);
    return `${this.out.length}/${procs.size}/${last}`;
  }

  /** Let `ms` of simulated time pass, running whatever is scheduled (the `@wait` directive). */
  async wait(ms: number): Promise<void> {
    const end = this.clock.now() + ms;
    for (;;) {
      await flush();
      if (realWorkInFlight() > 0) {
        await realWorkSettled();
        continue;
      }
      if (!this.clock.runNext(end)) break;
    }
    this.clock.set(Math.max(this.clock.now(), end));
    await flush();
  }

  async type(line: string): Promise<void> {
    // `@@app.route('/')` types `@app.route('/')`: a literal line that starts with `@`.
    if (line.startsWith('@@')) line = line.slice(1);
    else if (line.startsWith('@')) {
      const [directive, ...rest] = line.slice(1).split(' ');
      const arg = rest.join(' ');
      if (directive === 'wait') await this.wait(parseDuration(arg));
      else if (directive === 'keys') {
        this.session.input(parseKeys(arg));
        await this.settle();
      } else throw new Error(`unknown directive @${directive}`);
      return;
    }
    this.session.input(line + '\r');
    await this.settle();
  }

  /** Send keys without waiting for anything (the fuzzer interrupts a command mid-run with it). */
  press(keys: string): void {
    this.session.input(keys);
  }

  /** Everything shown so far, and clear it. */
  take(raw = false): string {
    const s = this.out.join('');
    this.out = [];
    return raw ? s : stripAnsi(s);
  }
}

function sleepReal(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Let pending promise jobs run. In a browser worker (share-link replay) there is no setImmediate. */
function flush(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => void }).setImmediate;
  if (immediate) return new Promise((r) => immediate(() => r()));
  return new Promise((r) => setTimeout(r, 0));
}

/** Run a whole script of typed lines; returns what the terminal showed. */
export async function runScript(script: string, seed = 1, raw = false): Promise<HeadlessResult> {
  const h = await Headless.start(seed);
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) await h.type(line);
  return { output: h.take(raw), machine: h.machine };
}
