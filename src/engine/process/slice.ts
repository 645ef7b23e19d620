/**
 * Time slices for a cooperative machine. Every simulated process shares one JavaScript thread, so
 * a busy program must hand the event loop back now and then, or keys, Ctrl-C and screen updates
 * wait behind it. Handing it back costs little only if it happens by elapsed time and through a
 * fast macrotask: a 0 ms setTimeout is clamped to 4 ms by browsers once nested (and is 1 ms in
 * Node), so yielding that way every few hundred steps made shell loops 6–8× slower than bash.
 *
 * Here a process that calls `maybeYield()` keeps running until SLICE_MS of work have passed since
 * the event loop last had a turn, then yields through a MessageChannel (setImmediate in Node).
 * Only real time uses this: on the virtual clock (tests, the headless runner) yields must not
 * depend on how fast the machine is, or runs would stop being reproducible.
 */

/** Work between two turns of the event loop: about half a frame, so a 60 fps screen keeps up. */
export const SLICE_MS = 8;

let sliceStart = performance.now();

type Resume = () => void;
const waiting: Resume[] = [];
let post: (() => void) | undefined;

/** The cheapest way this platform offers to run a callback after pending tasks (not a timer). */
function scheduler(): () => void {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  const wake = () => waiting.shift()?.();
  if (typeof g.setImmediate === 'function') return () => void g.setImmediate!(wake);
  if (typeof MessageChannel === 'function') {
    const ch = new MessageChannel();
    ch.port1.onmessage = wake;
    return () => ch.port2.postMessage(null);
  }
  return () => void setTimeout(wake, 0);
}

/** Resolve after the event loop has had one turn (input, timers, messages to the page). */
export function nextTurn(): Promise<void> {
  post ??= scheduler();
  return new Promise<void>((resolve) => {
    waiting.push(() => {
      sliceStart = performance.now();
      resolve();
    });
    post!();
  });
}

/** True when the current slice of work is used up. */
export function sliceUsedUp(): boolean {
  return performance.now() - sliceStart >= SLICE_MS;
}

/** Yield to the event loop if this slice of work is used up; otherwise carry on at once. */
export function maybeYield(): Promise<void> | undefined {
  return sliceUsedUp() ? nextTurn() : undefined;
}
