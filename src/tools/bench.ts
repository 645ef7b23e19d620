/**
 * `npm run bench`: prints one JSON object of figures, each { min, median, max, n } (with its unit
 * in the name) or { value, unit }. Figures are compared against DESIGN.md's budgets by people,
 * except the JavaScript before the prompt (below); tests do not time things.
 *
 * Engine figures run in Node on the virtual clock (Machine.run drives it without timer delays);
 * browser figures (bench-browser.ts) run in Chromium against `vite preview` of dist/, in the same
 * run. BENCH_BROWSER=0 skips the browser half. The start-up byte budget is checked (bench-budget.ts):
 * over it, the run prints OVER BUDGET and exits with status 1.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchOverlayLookup } from '../engine/fs/bench';
import { Machine } from '../engine/machine';
import { spread } from './browser-measure';
import { browserFigures } from './bench-browser';
import { dockerClient } from '../cli/client';
import { prefetchLazyPrograms } from '../engine/programs/registry';
import { budgetReport } from './bench-budget';

type Figure = ReturnType<typeof spread> | { value: number; unit: string } | number | number[] | string[];

async function timeMs(n: number, fn: () => Promise<unknown>): Promise<ReturnType<typeof spread>> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return spread(xs.map((x) => Math.round(x * 1000) / 1000));
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

async function ok(m: Machine, argv: string[]): Promise<string> {
  const r = await m.run(argv);
  if (r.status !== 0) throw new Error(`bench: ${argv.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

async function engineFigures(out: Record<string, Figure>): Promise<void> {
  const m = await Machine.boot({ client: dockerClient, seed: 7, clock: 'virtual' });
  // The code that loads on first use (the userland, the builder, the Hub's data, the client) is
  // loaded first, as the page prefetches it once the prompt is up: the timings below are of the
  // commands, not of a module's first load (load_to_prompt and the browser figures measure that).
  await prefetchLazyPrograms();
  await dockerClient.prefetch?.();
  const refs = [
    'hello-world', 'busybox', 'alpine', 'ubuntu', 'ubuntu:20.04', 'ubuntu:18.04', 'ubuntu:16.04', 'ubuntu:15.10',
    'debian', 'debian:buster-slim', 'nginx', 'nginx:alpine', 'redis', 'python:3.9.5-slim', 'httpd', 'centos',
    'registry', 'mongo', 'mysql', 'node',
  ];
  const t0 = performance.now();
  for (const r of refs) await ok(m, ['docker', 'pull', '-q', r]);
  out.pull_20_images_ms = { value: round(performance.now() - t0, 1), unit: 'ms' };
  out.run_hello_ms = await timeMs(30, () => m.run(['docker', 'run', 'hello-world']));
  await ok(m, ['docker', 'run', '-d', '--name', 'bench_exec', 'busybox', 'sleep', '100000']);
  out.exec_cmd_ms = await timeMs(30, () => m.run(['docker', 'exec', 'bench_exec', 'true']));
  // A 20-instruction Dockerfile: cold (no cache; the base image is present) and fully cached.
  const steps = ['FROM busybox', 'WORKDIR /app', 'COPY a.txt .', 'COPY b.txt /data/', 'ENV A=1 B=2', 'ARG V=1', 'RUN echo $V > v.txt',
    'RUN mkdir -p /srv/x && touch /srv/x/y', 'LABEL k=v', 'EXPOSE 8080', 'USER root', 'RUN ls > /dev/null', 'ENV C=3', 'RUN echo done > /done',
    'COPY a.txt /copy/', 'WORKDIR /srv', 'RUN cat /app/a.txt', 'VOLUME /data', 'STOPSIGNAL SIGTERM', 'CMD ["cat", "/done"]'];
  await ok(m, ['bash', '-c', `mkdir -p b20 && cd b20 && echo a > a.txt && echo b > b.txt && printf '%s\\n' ${steps.map((x) => `'${x}'`).join(' ')} > Dockerfile`]);
  await ok(m, ['docker', 'build', '-q', '-t', 'b20', 'b20']);
  out.build_20_steps_ms = await timeMs(5, () => m.run(['docker', 'build', '-q', '--no-cache', '-t', 'b20', 'b20']));
  out.build_cached_ms = await timeMs(10, () => m.run(['docker', 'build', '-q', '-t', 'b20', 'b20']));
  await listingFigures(out);
  await containerMemory(out);
}

/** `docker ps -a`, `docker images` and `docker system df` with 10, 100 and 1,000 rows. */
async function listingFigures(out: Record<string, Figure>): Promise<void> {
  const m = await Machine.boot({ client: dockerClient, seed: 11, clock: 'virtual' });
  await ok(m, ['docker', 'pull', '-q', 'busybox']);
  let containers = 0;
  let tags = 0;
  for (const rows of [10, 100, 1000]) {
    for (; containers < rows; containers++) await m.daemon.containerCreate({ config: { Image: 'busybox', Cmd: ['true'] }, hostConfig: {} });
    for (; tags < rows - 1; tags++) await ok(m, ['docker', 'tag', 'busybox', `bench/tag${tags}:v1`]);
    out[`ps_a_${rows}_ms`] = await timeMs(10, () => m.run(['docker', 'ps', '-a']));
    out[`images_${rows}_ms`] = await timeMs(10, () => m.run(['docker', 'images']));
    out[`system_df_${rows}_ms`] = await timeMs(10, () => m.run(['docker', 'system', 'df']));
  }
}

/**
 * Heap per container beyond the first (engine objects only), for containers that were created,
 * that are running (`sleep`), and that ran and wrote one small file. N each; --expose-gc needed.
 */
async function containerMemory(out: Record<string, Figure>): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    process.stderr.write('bench: run with --expose-gc for container memory figures\n');
    return;
  }
  const kinds: [string, number, (m: Machine, i: number) => Promise<unknown>][] = [
    ['created', 1000, (m) => m.daemon.containerCreate({ config: { Image: 'busybox', Cmd: ['sh'] }, hostConfig: {} })],
    ['running', 200, (m) => ok(m, ['docker', 'run', '-d', 'busybox', 'sleep', '100000'])],
    ['ran_and_wrote', 1000, (m, i) => ok(m, ['docker', 'run', 'busybox', 'sh', '-c', `echo ${i} > /note.txt`])],
  ];
  for (const [kind, n, make] of kinds) {
    const m = await Machine.boot({ client: dockerClient, seed: 9, clock: 'virtual' });
    await ok(m, ['docker', 'pull', '-q', 'busybox']);
    await make(m, -1);
    const samples: number[] = [];
    // Three batches of n/3: the per-container cost of each batch is a sample.
    for (let b = 0; b < 3; b++) {
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < Math.round(n / 3); i++) await make(m, i);
      gc();
      samples.push((process.memoryUsage().heapUsed - before) / Math.round(n / 3) / 1024);
    }
    out[`container_${kind}_kb`] = spread(samples);
  }
}

/** Sizes of the built files: the page's initial scripts (named in index.html) and the worker. */
function bundleFigures(out: Record<string, Figure>): void {
  const dist = new URL('../../dist/', import.meta.url).pathname;
  if (!existsSync(join(dist, 'index.html'))) {
    process.stderr.write('bench: dist/ missing, run `vite build` first (npm run bench does)\n');
    return;
  }
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f))).length / 1024;
  const main = initial.reduce((a, f) => a + gz(f), 0);
  const workers = readdirSync(join(dist, 'assets')).filter((f) => /worker.*\.js$/.test(f));
  const worker = workers.reduce((a, f) => a + gz(join('assets', f)), 0);
  out.main_js_gzip_kb = { value: round(main, 1), unit: 'KB' };
  out.worker_js_gzip_kb = { value: round(worker, 1), unit: 'KB' };
  out.main_plus_worker_js_gzip_kb = { value: round(main + worker, 1), unit: 'KB' };
}

async function main(): Promise<void> {
  const out: Record<string, Figure> = {};
  const o = benchOverlayLookup();
  out.overlay_lookup_ratio_1 = round(o.ratio1);
  out.overlay_lookup_ratio_127 = round(o.ratio127);
  bundleFigures(out);
  if (process.env.BENCH_BROWSER !== '0') Object.assign(out, await browserFigures(new URL('../../dist/', import.meta.url).pathname));
  await engineFigures(out);
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  const budget = budgetReport(out);
  for (const line of [...budget.note, ...budget.fail]) process.stderr.write(`bench: ${line}\n`);
  if (budget.fail.length) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
