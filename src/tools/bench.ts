/**
 * `npm run bench`: prints one JSON object of figures (a number, or { value, unit }). Figures are
 * compared as ratios or against DESIGN.md's budgets; nothing here asserts, tests do not time things.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchOverlayLookup } from '../engine/fs/bench';
import { Machine } from '../engine/machine';

type Figure = number | { value: number; unit: string };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeMs(n: number, fn: () => Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

async function engineFigures(out: Record<string, Figure>): Promise<void> {
  const m = await Machine.boot({ seed: 7, clock: 'virtual' });
  // 20 images: pull a set of distinct images and tags
  const refs = [
    'hello-world', 'busybox', 'alpine', 'ubuntu', 'ubuntu:20.04', 'ubuntu:18.04', 'ubuntu:16.04', 'ubuntu:15.10',
    'debian', 'debian:buster-slim', 'nginx', 'nginx:alpine', 'redis', 'python:3.9.5-slim', 'httpd', 'centos',
    'registry', 'mongo', 'mysql', 'node',
  ];
  for (const r of refs) await m.run(['docker', 'pull', '-q', r]);
  out.images_cmd_ms = { value: round(await timeMs(30, () => m.run(['docker', 'images']))), unit: 'ms' };
  out.run_hello_ms = { value: round(await timeMs(30, () => m.run(['docker', 'run', 'hello-world']))), unit: 'ms' };
  await m.run(['docker', 'run', '-d', '--name', 'bench_exec', 'busybox', 'sleep', '100000']);
  out.exec_cmd_ms = { value: round(await timeMs(30, () => m.run(['docker', 'exec', 'bench_exec', 'true']))), unit: 'ms' };
  // A 20-instruction Dockerfile: cold (no cache; the base image is present) and fully cached.
  const steps = ['FROM busybox', 'WORKDIR /app', 'COPY a.txt .', 'COPY b.txt /data/', 'ENV A=1 B=2', 'ARG V=1', 'RUN echo $V > v.txt',
    'RUN mkdir -p /srv/x && touch /srv/x/y', 'LABEL k=v', 'EXPOSE 8080', 'USER root', 'RUN ls > /dev/null', 'ENV C=3', 'RUN echo done > /done',
    'COPY a.txt /copy/', 'WORKDIR /srv', 'RUN cat /app/a.txt', 'VOLUME /data', 'STOPSIGNAL SIGTERM', 'CMD ["cat", "/done"]'];
  await m.run(['bash', '-c', `mkdir -p b20 && cd b20 && echo a > a.txt && echo b > b.txt && printf '%s\\n' ${steps.map((x) => `'${x}'`).join(' ')} > Dockerfile`]);
  const first = await m.run(['docker', 'build', '-q', '-t', 'b20', 'b20']);
  if (first.status !== 0) throw new Error(`bench build failed: ${first.stderr}`);
  out.build_20_steps_ms = { value: round(await timeMs(5, () => m.run(['docker', 'build', '-q', '--no-cache', '-t', 'b20', 'b20']))), unit: 'ms' };
  out.build_cached_ms = { value: round(await timeMs(10, () => m.run(['docker', 'build', '-q', '-t', 'b20', 'b20']))), unit: 'ms' };
  out.container_overhead_kb = { value: round(await containerOverheadKb(), 2), unit: 'KB' };
}

/** Memory per container beyond the first, over 1,000 containers of one image (engine objects only). */
async function containerOverheadKb(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    process.stderr.write('bench: run with --expose-gc for container_overhead_kb\n');
    return NaN;
  }
  const m = await Machine.boot({ seed: 9, clock: 'virtual' });
  await m.run(['docker', 'pull', '-q', 'busybox']);
  const create = () => m.daemon.containerCreate({ config: { Image: 'busybox', Cmd: ['sh'] }, hostConfig: {} });
  await create();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 1000; i++) await create();
  gc();
  const after = process.memoryUsage().heapUsed;
  return (after - before) / 1000 / 1024;
}

function bundleFigures(out: Record<string, Figure>): void {
  const dist = new URL('../../dist/', import.meta.url).pathname;
  if (!existsSync(join(dist, 'index.html'))) {
    process.stderr.write('bench: dist/ missing, run `vite build` first (npm run bench does)\n');
    return;
  }
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // The initial JavaScript: entry scripts and modulepreloads named in index.html.
  const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f))).length / 1024;
  out.main_js_gzip_kb = { value: round(initial.reduce((a, f) => a + gz(f), 0), 1), unit: 'KB' };
  const workers = readdirSync(join(dist, 'assets')).filter((f) => /worker.*\.js$/.test(f));
  out.worker_js_gzip_kb = { value: round(workers.reduce((a, f) => a + gz(join('assets', f)), 0), 1), unit: 'KB' };
}

async function main(): Promise<void> {
  const out: Record<string, Figure> = {};
  const o = benchOverlayLookup();
  out.overlay_lookup_ratio_1 = round(o.ratio1);
  out.overlay_lookup_ratio_127 = round(o.ratio127);
  await engineFigures(out);
  bundleFigures(out);
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
