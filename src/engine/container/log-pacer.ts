/**
 * One reader of a container's output (an attached `docker run`/`docker attach`, or `docker logs
 * -f`): deliveries run in order, and while more than READER_HIGH bytes wait to be delivered the
 * gate tells the container to wait. Real Docker behaves alike: its stream copier writes to each
 * attached client in turn, so a slow terminal slows the container's writes down.
 */
export const READER_HIGH = 64 * 1024;
export const READER_LOW = 16 * 1024;

export class LogPacer {
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private closed = false;
  private waiters: (() => void)[] = [];

  /** Queue one delivery of `bytes` bytes after the ones before it. */
  add(bytes: number, deliver: () => Promise<void> | void): void {
    this.pending += bytes;
    this.queue = this.queue
      .then(() => (this.closed ? undefined : deliver()))
      .catch(() => {})
      .then(() => {
        this.pending -= bytes;
        if (this.pending <= READER_LOW) this.wake();
      });
  }

  /** The container's gate: a promise while this reader is too far behind. */
  readonly gate = (): Promise<void> | undefined => {
    if (this.closed || this.pending <= READER_HIGH) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  };

  /** Resolves once everything queued so far (and queued while waiting) is delivered. */
  async drain(): Promise<void> {
    for (let q = this.queue; ; q = this.queue) {
      await q;
      if (q === this.queue) return;
    }
  }

  /** The reader went away: what is still queued is dropped, and nobody waits on it any more. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }
}
