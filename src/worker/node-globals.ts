/**
 * Node globals (Buffer, process, global) for the Node-flavoured code memfs pulls in (readable-stream,
 * util …). Imported FIRST by daemon.worker.ts so it runs before those modules evaluate. The build
 * also injects them (vite.config.ts, worker plugins); this makes `vite` dev mode work too, where
 * worker code gets no injection.
 */
import { Buffer } from 'buffer';
import process from 'process'; // resolved to the browser polyfill by vite-plugin-node-polyfills

const g = globalThis as unknown as Record<string, unknown>;
g.global ??= globalThis;
g.Buffer ??= Buffer;
g.process ??= process;
