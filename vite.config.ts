import { defineConfig, type PluginOption } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { nodePolyfills } from 'vite-plugin-node-polyfills';
import { fileURLToPath } from 'node:url';

/**
 * The layer store is memfs's core (@jsonjoy.com/fs-core, src/engine/fs/store.ts), which imports
 * node:buffer and node:path and reads `process`. memfs's Node `fs` API (Volume) would also pull
 * events, stream, url and util (about 150 KB gzip); the engine does not use it (issue 16). The
 * polyfills are needed only where memfs runs: the worker. The main bundle never imports them.
 */
const include = ['buffer', 'path', 'process'] as const;
// Top level: only the module aliases (node:path → path-browserify …), which touch nothing that does
// not import a Node builtin, so the main bundle gets no globals injected.
const aliases = (): PluginOption =>
  nodePolyfills({ include: [...include], globals: { Buffer: false, global: false, process: false }, protocolImports: true });
/**
 * memfs formats a wrongly typed argument for its error message with its own port of Node's
 * util.inspect (about 4 KB gzip before the prompt); the engine never passes one, so the worker
 * gets a small stand-in (src/worker/inspect-shim.ts). Only that one import is redirected.
 */
const inspectShim = (): PluginOption => ({
  name: 'docker-lab:inspect-shim',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './inspect' && importer && /[\\/]@jsonjoy\.com[\\/]fs-node-utils[\\/]lib[\\/]argErrors\.js$/.test(importer)) {
      return fileURLToPath(new URL('./src/worker/inspect-shim.ts', import.meta.url));
    }
    return null;
  },
});
// Worker bundle: also the Buffer/process/global globals that Node-flavoured code expects.
const workerPolyfills = (): PluginOption[] => [
  inspectShim(),
  nodePolyfills({ include: [...include], globals: { Buffer: true, global: true, process: true }, protocolImports: true }),
];

/**
 * Start the engine's worker from the HTML itself, so its 1.2 MB script downloads and compiles in
 * parallel with the main script instead of after the app has mounted (issue 16: the serial chain
 * was most of the time to the prompt). src/ui/client.ts adopts `window.__dockerdWorker`; without
 * it (vite dev) the client starts the worker itself.
 */
const earlyWorker = (): PluginOption => ({
  name: 'docker-lab:early-worker',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, ctx) {
      const file = Object.keys(ctx.bundle ?? {}).find((f) => /daemon\.worker-[^/]*\.js$/.test(f));
      if (!file) return html;
      const start = `window.__dockerdWorker=new Worker(new URL(${JSON.stringify('./' + file)},document.baseURI),{type:'module',name:'dockerd'})`;
      return { html, tags: [{ tag: 'script', children: start, injectTo: 'head-prepend' }] };
    },
  },
});

export default defineConfig({
  // Relative asset URLs: the built dist/ works from any path (a subfolder, a file server).
  base: './',
  publicDir: 'static',
  plugins: [svelte(), aliases(), earlyWorker()],
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
