/**
 * Writers held back while a reader is behind, with a high and a low mark, as a full pty or socket
 * buffer blocks write(2): a writer asks the gate before it writes and waits while the backlog is
 * over the high mark; once the backlog falls to the low mark every waiting writer goes on at once
 * (the gap between the marks keeps them from waking for every few bytes drawn).
 * Used by the screen's gate (screen-gate.ts) and by each reader of a container's logs (log-pacer.ts);
 * `Gates` below is the other side: the set of gates one writer (a pty, a container) obeys.
 */
export class Backpressure {
  private waiters: (() => void)[] = [];

  constructor(
    readonly high: number,
    readonly low: number,
  ) {}

  /** A promise to wait on while `backlog` is over the high mark; undefined when a writer may go on. */
  hold(backlog: number): Promise<void> | undefined {
    if (backlog <= this.high) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The backlog shrank: at the low mark or under, the waiting writers go on. */
  drained(backlog: number): void {
    if (backlog <= this.low) this.releaseAll();
  }

  /** The reader went away: nobody waits on it any more. */
  releaseAll(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }
}

/** A gate a writer asks before it writes: a promise to wait on while its reader is behind. */
export type Gate = () => Promise<void> | undefined;

/**
 * The gates one writer obeys, each added by a reader and removed when it goes: a pty's screen and
 * linked terminals, a container's log readers. The writer waits for every reader that is behind,
 * so the slowest reader sets the pace.
 */
export class Gates {
  private readonly gates = new Set<Gate>();

  /** Add a reader's gate; returns its removal. */
  add(gate: Gate): () => void {
    this.gates.add(gate);
    return () => this.gates.delete(gate);
  }

  /** A promise while any reader is behind; undefined when the writer may go on. */
  behind(): Promise<void> | undefined {
    let waits: Promise<void>[] | undefined;
    for (const g of this.gates) {
      const w = g();
      if (w) (waits ??= []).push(w);
    }
    return waits && Promise.all(waits).then(() => {});
  }
}
