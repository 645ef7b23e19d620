/**
 * One injected clock for the whole machine. In the browser it follows real time; in tests and the
 * headless runner it is virtual and only moves when the runner jumps it to the next timer, so the
 * same input always yields the same timestamps ("About a minute ago") and a `sleep 60` costs nothing.
 * Engine code must never call the global setTimeout/Date.now directly: only this clock.
 */
import { realWorkInFlight } from '../lib/realwork';

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** Resolves after `ms`; rejects with the signal's reason if it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  readonly virtual: boolean;
}

interface Timer {
  id: number;
  at: number;
  seq: number;
  fn: () => void;
}

abstract class BaseClock implements Clock {
  abstract now(): number;
  abstract setTimeout(fn: () => void, ms: number): number;
  abstract clearTimeout(id: number): void;
  abstract readonly virtual: boolean;

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        this.clearTimeout(id);
        reject(signal!.reason);
      };
      const id = this.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/** Virtual time: timers fire only when `advance`/`runNext` is called. */
export class VirtualClock extends BaseClock {
  get virtual(): boolean {
    return true;
  }
  private t: number;
  private timers: Timer[] = [];
  private nextId = 1;
  private seq = 0;

  constructor(start = Date.UTC(2025, 9, 1, 9, 0, 0)) {
    super();
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.push({ id, at: this.t + Math.max(0, ms), seq: this.seq++, fn });
    return id;
  }

  clearTimeout(id: number): void {
    const i = this.timers.findIndex((t) => t.id === id);
    if (i >= 0) this.timers.splice(i, 1);
  }

  /** When the next timer is due, or undefined when none is pending. */
  nextDue(): number | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best?.at;
  }

  pending(): number {
    return this.timers.length;
  }

  /**
   * Jump to the earliest timer (not past `limit`) and fire every timer due then. Returns false if
   * none, and while a program's code is still loading (../realwork.ts): virtual time stands still
   * then, so whoever drives the clock sees the same run whether the code was loaded already or not.
   */
  runNext(limit = Infinity): boolean {
    if (realWorkInFlight() > 0) return false;
    return this.fireNext(limit);
  }

  private fireNext(limit: number): boolean {
    const due = this.nextDue();
    if (due === undefined || due > limit) return false;
    if (due > this.t) this.t = due;
    const ready = this.timers.filter((t) => t.at <= this.t).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.timers = this.timers.filter((t) => t.at > this.t);
    for (const t of ready) t.fn();
    return true;
  }

  /** Move time forward by `ms`, firing timers in order on the way. */
  advance(ms: number): void {
    const end = this.t + ms;
    while (this.fireNext(end)) {
      /* fire in order */
    }
    this.t = end;
  }

  set(t: number): void {
    this.t = t;
  }

  /** Take every pending timer out (ReplayClock hands them to real time). */
  protected drain(): { at: number; fn: () => void }[] {
    const all = [...this.timers].sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.timers = [];
    return all;
  }
}

/** Real time, for the browser. */
export class RealClock extends BaseClock {
  readonly virtual = false;
  /** Offset lets a restored snapshot keep its own idea of "now" moving forward. */
  constructor(private offset = 0) {
    super();
  }
  private timers = new Set<number>();
  private halted = false;
  now(): number {
    return Date.now() + this.offset;
  }
  setTimeout(fn: () => void, ms: number): number {
    if (this.halted) return 0;
    const id = globalThis.setTimeout(() => {
      this.timers.delete(id);
      fn();
    }, ms) as unknown as number;
    this.timers.add(id);
    return id;
  }
  clearTimeout(id: number): void {
    this.timers.delete(id);
    globalThis.clearTimeout(id);
  }
  /** Time stops for good: pending timers are dropped and new ones never fire (a machine put away). */
  halt(): void {
    this.halted = true;
    for (const id of this.timers) globalThis.clearTimeout(id);
    this.timers.clear();
  }
}

/**
 * Virtual while a lesson's earlier steps (or a shared link) are replayed, then real: `goReal()`
 * carries on from the simulated moment the replay reached, and the timers still pending (a
 * container's `sleep 1` loop, a restart back-off) move to real timers with the time they had left.
 * So a learner who jumps to step 4 gets step 3's running containers, not a snapshot's exited ones.
 */
export class ReplayClock extends VirtualClock {
  private real?: { base: number; startedAt: number; ids: Map<number, unknown> };
  private nextRealId = 1_000_000;

  override get virtual(): boolean {
    return !this.real;
  }

  goReal(): void {
    if (this.real) return;
    const base = super.now();
    this.real = { base, startedAt: Date.now(), ids: new Map() };
    for (const t of this.drain()) this.setTimeout(t.fn, t.at - base);
  }

  override now(): number {
    return this.real ? this.real.base + (Date.now() - this.real.startedAt) : super.now();
  }

  override setTimeout(fn: () => void, ms: number): number {
    if (!this.real) return super.setTimeout(fn, ms);
    const id = this.nextRealId++;
    const ids = this.real.ids;
    ids.set(id, globalThis.setTimeout(() => {
      ids.delete(id);
      fn();
    }, Math.max(0, ms)));
    return id;
  }

  override clearTimeout(id: number): void {
    if (!this.real) return super.clearTimeout(id);
    const h = this.real.ids.get(id);
    if (h !== undefined) globalThis.clearTimeout(h as number);
    this.real.ids.delete(id);
  }

  override runNext(limit = Infinity): boolean {
    return this.real ? false : super.runNext(limit);
  }
}
