/**
 * Array helpers that work at any size. `out.push(...items)` and `Math.max(...items)` pass every
 * element as a call argument, and engines cap arguments by stack size (Chrome throws "Maximum call
 * stack size exceeded" somewhere past 100,000), so a `for i in $(seq 1 1000000)` must never reach
 * them. Use these wherever the count comes from input (words, lines, files, processes).
 */

/** Append every item of `items` to `out`; returns `out`. */
export function pushAll<T>(out: T[], items: Iterable<T>): T[] {
  for (const x of items) out.push(x);
  return out;
}

/** The largest of `init` and every item (Math.max without spreading). */
export function maxOf(items: Iterable<number>, init = -Infinity): number {
  let m = init;
  for (const x of items) if (x > m) m = x;
  return m;
}

/** The smallest of `init` and every item (Math.min without spreading). */
export function minOf(items: Iterable<number>, init = Infinity): number {
  let m = init;
  for (const x of items) if (x < m) m = x;
  return m;
}
