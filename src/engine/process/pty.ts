/**
 * A pseudo-terminal: what sits between the learner's screen and the programs reading it.
 *
 * Real concept: the kernel's tty line discipline. In canonical ("cooked") mode it collects a line,
 * echoes what is typed, handles Backspace, turns Ctrl-C into SIGINT for the foreground process group
 * and Ctrl-D into end-of-file. In raw mode (bash's readline, vim) bytes go straight to the program,
 * which echoes and edits by itself. Output gets `\n` turned into `\r\n` (the onlcr flag).
 *
 * Simulated: the same, with one extra: a pty can be linked to another pty (`docker attach`,
 * `docker run -it`): input then flows to the inner terminal and its output comes back out here,
 * which is what a real `docker` client does by copying bytes both ways.
 */
import { Terminated, type ReadStream, type WriteStream, SIGNALS } from './types';
import { Gates, type Gate } from './backpressure';

const enc = new TextEncoder();
const dec = new TextDecoder();

export interface PtyMode {
  canonical: boolean;
  echo: boolean;
  /** Ctrl-C / Ctrl-\ / Ctrl-Z generate signals. */
  isig: boolean;
}

export class Pty {
  private termios: PtyMode = { canonical: true, echo: true, isig: true };
  get mode(): PtyMode {
    return this.termios;
  }
  /**
   * tcsetattr. Leaving canonical mode makes a line typed but not yet ended readable at once, as
   * n_tty does: keys typed ahead while a command ran ("docker i") reach the next prompt's line
   * editor (readline switches to raw mode and shows them) instead of being dropped.
   */
  set mode(m: PtyMode) {
    const wasCanonical = this.termios.canonical;
    this.termios = m;
    if (wasCanonical && !m.canonical && this.lineBuf) {
      this.ready.push(this.lineBuf);
      this.lineBuf = '';
      this.wake();
    }
  }
  /** Signals sent from the keyboard so far (the shell checks whether its job was interrupted). */
  signalsSent = 0;
  /** The foreground process group; Ctrl-C goes there. */
  foregroundPgid = 0;
  cols = 80;
  rows = 24;
  /** Called to deliver a signal to a process group (set by the kernel's owner). */
  signalGroup: (pgid: number, sig: number) => void = () => {};
  /**
   * The simulator's own additions (no real tty has them): history for the first line editor that
   * opens on this terminal, as bash would have read it back from ~/.bash_history after a reboot
   * (autosave, undo); and a record of the lines a line editor accepted here (the page's history).
   */
  recall?: string[];
  lineListeners = new Set<(line: string) => void>();
  takeRecall(): string[] | undefined {
    const r = this.recall;
    this.recall = undefined;
    return r;
  }
  lineRead(line: string): void {
    for (const fn of this.lineListeners) fn(line);
  }
  /** Is another terminal linked inside this one (`docker run -it`, `docker attach`)? */
  get linked(): boolean {
    return this.inner !== undefined;
  }

  private outputs = new Set<(s: string) => void>();
  private lineBuf = '';
  private ready: string[] = [];
  private eofPending = 0;
  private readers: { resolve: (v: Uint8Array | null) => void; reject: (e: unknown) => void; signal?: AbortSignal; onAbort?: () => void }[] = [];
  private inner?: Pty;
  /** Bytes from the inner terminal intercepted before forwarding (Ctrl-P Ctrl-Q detach). */
  private interceptor?: (data: string) => string;
  private hung = false;
  /**
   * Flow control (what XOFF and a full pty buffer do on Linux): each gate returns a promise while
   * the far end is behind, and a program writing here waits on it. The screen adds one (it is behind
   * while it has not drawn what it was sent), and a linked outer pty adds its own gates to the inner one.
   */
  private gates = new Gates();

  // ---- master side (the screen) ----

  /** Keys typed by the user. */
  input(data: string): void {
    if (this.inner) {
      const passed = this.interceptor ? this.interceptor(data) : data;
      if (passed) this.inner.input(passed);
      return;
    }
    if (!this.mode.canonical) {
      if (this.mode.isig) {
        for (const ch of data) {
          const sig = this.signalFor(ch);
          if (sig) {
            this.signalGroup(this.foregroundPgid, sig);
            data = data.replace(ch, '');
          }
        }
      }
      if (data) {
        this.ready.push(data);
        this.wake();
      }
      return;
    }
    for (const ch of data) this.cooked(ch);
  }

  onOutput(fn: (s: string) => void): () => void {
    this.outputs.add(fn);
    return () => this.outputs.delete(fn);
  }

  /** Is some program blocked reading this terminal (following a link to the innermost one)? */
  awaitingInput(): boolean {
    if (this.inner) return this.inner.awaitingInput();
    return this.readers.length > 0 && this.ready.length === 0;
  }

  /** Forward input to `inner` and show its output here until the returned function is called. */
  link(inner: Pty, interceptor?: (data: string) => string): () => void {
    this.inner = inner;
    this.interceptor = interceptor;
    inner.cols = this.cols;
    inner.rows = this.rows;
    const off = inner.onOutput((s) => this.emit(s));
    const offGate = inner.addGate(() => this.behind());
    return () => {
      off();
      offGate();
      if (this.inner === inner) {
        this.inner = undefined;
        this.interceptor = undefined;
      }
    };
  }

  /** Add a flow-control gate (see `gates`); returns its removal. */
  addGate(gate: Gate): () => void {
    return this.gates.add(gate);
  }

  /** A promise while any gate says the far end is behind; undefined when output may go on. */
  behind(): Promise<void> | undefined {
    return this.gates.behind();
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    this.inner?.resize(cols, rows);
    if (this.foregroundPgid) this.signalGroup(this.foregroundPgid, SIGNALS.SIGWINCH);
  }

  /** The terminal went away: readers get EOF. */
  hangup(): void {
    this.hung = true;
    this.wake();
  }

  // ---- slave side (the programs) ----

  readonly reader: ReadStream & { tty: Pty } = {
    isTTY: true,
    tty: this,
    read: (signal?: AbortSignal) => this.read(signal),
    close: () => {},
  };

  readonly writer: WriteStream = {
    isTTY: true,
    write: async (chunk) => {
      const s = typeof chunk === 'string' ? chunk : dec.decode(chunk);
      this.emit(s.replace(/\r?\n/g, '\r\n'));
      // A program's output waits while the screen is behind; echo and prompts (emit) never do.
      const wait = this.behind();
      if (wait) await wait;
    },
    close: () => {},
  };

  /** Raw output to the screen (echo, prompts). */
  emit(s: string): void {
    if (!s) return;
    for (const fn of this.outputs) fn(s);
  }

  private signalFor(ch: string): number | undefined {
    if (ch === '\x03') return SIGNALS.SIGINT;
    if (ch === '\x1c') return SIGNALS.SIGQUIT;
    if (ch === '\x1a') return SIGNALS.SIGTSTP;
    return undefined;
  }

  private cooked(ch: string): void {
    const sig = this.mode.isig ? this.signalFor(ch) : undefined;
    if (sig) {
      // ECHOCTL shows the key; the line feed after it is the shell's (bash prints one when its
      // job dies of the signal), so a program that catches it writes on the same line: `^Cgot INT`.
      if (this.mode.echo) this.emit(sig === SIGNALS.SIGINT ? '^C' : sig === SIGNALS.SIGQUIT ? '^\\' : '^Z');
      this.signalsSent++;
      this.lineBuf = '';
      this.signalGroup(this.foregroundPgid, sig);
      return;
    }
    if (ch === '\x04') {
      // Ctrl-D: hands over the partial line, or end-of-file on an empty one
      if (this.lineBuf) {
        this.ready.push(this.lineBuf);
        this.lineBuf = '';
      } else this.eofPending++;
      this.wake();
      return;
    }
    if (ch === '\x7f' || ch === '\b') {
      if (this.lineBuf) {
        const chars = [...this.lineBuf];
        chars.pop();
        this.lineBuf = chars.join('');
        if (this.mode.echo) this.emit('\b \b');
      }
      return;
    }
    if (ch === '\x15') {
      // Ctrl-U: kill the line
      if (this.mode.echo) this.emit('\b \b'.repeat([...this.lineBuf].length));
      this.lineBuf = '';
      return;
    }
    if (ch === '\r' || ch === '\n') {
      if (this.mode.echo) this.emit('\r\n');
      this.ready.push(this.lineBuf + '\n');
      this.lineBuf = '';
      this.wake();
      return;
    }
    if (ch === '\x1b') {
      // escape sequences are echoed as ^[ in cooked mode
      if (this.mode.echo) this.emit('^[');
      this.lineBuf += ch;
      return;
    }
    this.lineBuf += ch;
    if (this.mode.echo) this.emit(ch);
  }

  private read(signal?: AbortSignal): Promise<Uint8Array | null> {
    if (signal?.aborted) return Promise.reject(signal.reason ?? new Terminated(9));
    const now = this.take();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const entry: (typeof this.readers)[number] = { resolve, reject, signal };
      if (signal) {
        entry.onAbort = () => {
          this.readers = this.readers.filter((r) => r !== entry);
          reject(signal.reason ?? new Terminated(9));
        };
        signal.addEventListener('abort', entry.onAbort, { once: true });
      }
      this.readers.push(entry);
    });
  }

  private take(): Uint8Array | null | undefined {
    if (this.ready.length) return enc.encode(this.ready.shift()!);
    if (this.eofPending) {
      this.eofPending--;
      return null;
    }
    if (this.hung) return null;
    return undefined;
  }

  private wake(): void {
    while (this.readers.length) {
      const v = this.take();
      if (v === undefined) return;
      const r = this.readers.shift()!;
      if (r.signal && r.onAbort) r.signal.removeEventListener('abort', r.onAbort);
      r.resolve(v);
    }
  }
}
