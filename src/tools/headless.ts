/**
 * The headless runner's core, shared by `npm run sim` and the transcript tests: boot a machine on
 * virtual time, type lines into its terminal one at a time, and collect exactly what the terminal
 * shows. See DESIGN.md "The headless runner" for the contract.
 */
import { Machine } from '../engine/machine';
import type { VirtualClock } from '../engine/clock';

/** A foreground command still running after this much simulated time gets the next line typed ahead. */
const TYPE_AHEAD_MS = 60_000;

const KEYS: Record<string, string> = {
  'C-a': '\x01', 'C-b': '\x02', 'C-c': '\x03', 'C-d': '\x04', 'C-e': '\x05', 'C-f': '\x06', 'C-g': '\x07', 'C-k': '\x0b',
  'C-l': '\x0c', 'C-n': '\x0e', 'C-p': '\x10', 'C-q': '\x11', 'C-r': '\x12', 'C-u': '\x15', 'C-w': '\x17', 'C-z': '\x1a',
  'C-\\': '\x1c', Tab: '\t', Enter: '\r', Esc: '\x1b', BS: '\x7f', Backspace: '\x7f',
  Up: '\x1b[A', Down: '\x1b[B', Right: '\x1b[C', Left: '\x1b[D', Home: '\x1b[H', End: '\x1b[F', Del: '\x1b[3~',
};

/** `<C-p><C-q>x` → the bytes a terminal sends. */
export function parseKeys(spec: string): string {
  return spec.replace(/<([^<>]+)>/g, (whole, name: string) => KEYS[name] ?? whole);
}

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
    const machine = await Machine.boot({ seed, clock: 'virtual' });
    const h = new Headless(machine, machine.openTerminal(), machine.clock as VirtualClock);
    await h.settle();
    return h;
  }

  /** Let the machine run until the terminal waits for input, virtual time runs out, or nothing can happen. */
  async settle(limitMs = TYPE_AHEAD_MS): Promise<void> {
    const start = this.clock.now();
    for (;;) {
      await flush();
      if (this.session.awaitingInput()) return;
      if (this.clock.now() - start >= limitMs) return;
      if (this.clock.runNext(start + limitMs)) continue;
      // Only timers past the limit: the command is still running when the limit comes.
      if (this.clock.nextDue() !== undefined) {
        this.clock.set(start + limitMs);
        return;
      }
      // Nothing scheduled on the virtual clock: real work may still be in flight (a module loading
      // on first use). Give it a moment of real time before deciding the command waits forever.
      if (!(await this.idleWait())) return;
    }
  }

  /** Wait up to ~250 ms of real time for input to be awaited or a timer to appear. */
  private async idleWait(): Promise<boolean> {
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 5));
      if (this.session.awaitingInput() || this.clock.pending() > 0) return true;
    }
    return false;
  }

  /** Let `ms` of simulated time pass, running whatever is scheduled (the `@wait` directive). */
  async wait(ms: number): Promise<void> {
    const end = this.clock.now() + ms;
    for (;;) {
      await flush();
      if (!this.clock.runNext(end)) break;
    }
    this.clock.set(Math.max(this.clock.now(), end));
    await flush();
  }

  async type(line: string): Promise<void> {
    if (line.startsWith('@')) {
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

  /** Everything shown so far, and clear it. */
  take(raw = false): string {
    const s = this.out.join('');
    this.out = [];
    return raw ? s : stripAnsi(s);
  }
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
