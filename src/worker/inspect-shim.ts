/**
 * A small stand-in for memfs's copy of Node's `util.inspect` (@jsonjoy.com/fs-node-utils
 * lib/inspect.js, about 4 KB gzip with its helpers), swapped in for the worker bundle only
 * (vite.config.ts). memfs calls it for one thing: the "Received …" part of an
 * ERR_INVALID_ARG_TYPE/VALUE message when it is passed an argument of the wrong type, which the
 * engine never does (its calls are typed). Node, vitest and the headless runner keep the real one.
 * Strings are quoted and objects named as Node does; nested values are not expanded.
 */
export function inspect(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[Function: ${value.name || '(anonymous)'}]`;
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[Array(${value.length})]`;
  const ctor = (value as { constructor?: { name?: string } }).constructor?.name;
  return ctor && ctor !== 'Object' ? `${ctor} {}` : '{}';
}
