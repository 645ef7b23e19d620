/**
 * Collects items and hands them over in batches: at most one flush per `intervalMs` (about a frame),
 * but with no added delay when the stream was quiet (a keystroke's echo goes out at once).
 * Workers have no reliable requestAnimationFrame, so this uses timers.
 */
export class Batcher<T> {
  private items: T[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = -Infinity;

  constructor(
    private readonly deliver: (items: T[]) => void,
    private readonly intervalMs = 16,
  ) {}

  push(item: T): void {
    this.items.push(item);
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.lastFlush = performance.now();
    this.deliver(items);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.items = [];
  }
}
