/**
 * One reader of a container's output (an attached `docker run`/`docker attach`, or `docker logs
 * -f`): deliveries run in order, and while more than READER_HIGH bytes wait to be delivered the
 * gate tells the container to wait. Real Docker behaves alike: its stream copier writes to each
 * attached client in turn, so a slow terminal slows the container's writes down.
 */
import { Backpressure } from '../process/backpressure';

export const READER_HIGH = 64 * 1024;
export const READER_LOW = 16 * 1024;

export class LogPacer {
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private closed = false;
  private readonly writers = new Backpressure(READER_HIGH, READER_LOW);

  /** Queue one delivery of `bytes` bytes after the ones before it. */
  add(bytes: number, deliver: () => Promise<void> | void): void {
    this.pending += bytes;
    this.queue = this.queue
      .then(() => (this.closed ? undefined : deliver()))
      .catch(() => {})
      .then(() => {
        this.pending -= bytes;
        this.writers.drained(this.pending);
      });
  }

  /** The container's gate: a promise while this reader is too far behind. */
  readonly gate = (): Promise<void> | undefined => (this.closed ? undefined : this.writers.hold(this.pending));

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
    this.writers.releaseAll();
  }
}
