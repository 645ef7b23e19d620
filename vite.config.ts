import { defineConfig, type PluginOption } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { nodePolyfills } from 'vite-plugin-node-polyfills';

/**
 * memfs 4 (through @jsonjoy.com/fs-node-builtins) imports node:buffer, node:path, node:events,
 * node:stream, node:url and util. Those polyfills are needed only where memfs runs: the worker
 * (the engine). The main bundle (Svelte UI, xterm, d3) never imports them, so it stays small.
 */
const include = ['buffer', 'path', 'events', 'stream', 'url', 'util', 'process', 'string_decoder'] as const;
// Top level: only the module aliases (node:path → path-browserify …), which touch nothing that does
// not import a Node builtin, so the main bundle gets no globals injected.
const aliases = (): PluginOption =>
  nodePolyfills({ include: [...include], globals: { Buffer: false, global: false, process: false }, protocolImports: true });
// Worker bundle: also the Buffer/process/global globals that Node-flavoured code expects.
const workerPolyfills = (): PluginOption[] => [
  nodePolyfills({ include: [...include], globals: { Buffer: true, global: true, process: true }, protocolImports: true }),
];

export default defineConfig({
  // Relative asset URLs: the built dist/ works from any path (a subfolder, a file server).
  base: './',
  publicDir: 'static',
  plugins: [svelte(), aliases()],
  worker: {
    format: 'es',
    plugins: workerPolyfills,
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
