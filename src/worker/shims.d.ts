// The browser `process` polyfill (aliased by vite-plugin-node-polyfills) ships no types; the worker
// only installs it as a global, and this tsconfig has no Node types.
declare module 'process' {
  const process: unknown;
  export default process;
}
