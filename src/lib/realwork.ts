/**
 * Real work in flight: promises that settle on the host's own time, not the machine's clock (a
 * program's module loading on first use, a platform API that answers later). On virtual time
 * everything else the engine does is microtasks and clock timers, so a driver that sees no timer
 * pending and no prompt waiting asks here whether the machine is really idle or still busy.
 */
let inFlight = 0;
let waiters: (() => void)[] = [];

/** Count `work` as in flight until it settles; returns it unchanged. */
export function trackRealWork<T>(work: Promise<T>): Promise<T> {
  inFlight++;
  const done = () => {
    inFlight--;
    if (inFlight === 0) {
      const ws = waiters;
      waiters = [];
      for (const w of ws) w();
    }
  };
  work.then(done, done);
  return work;
}

/** How many tracked promises have not settled yet. */
export function realWorkInFlight(): number {
  return inFlight;
}

/** Resolves once nothing tracked is in flight (at once when nothing is). */
export function realWorkSettled(): Promise<void> {
  if (inFlight === 0) return Promise.resolve();
  return new Promise((r) => waiters.push(r));
}
