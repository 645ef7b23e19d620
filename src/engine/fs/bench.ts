/**
 * The overlay lookup budget (DESIGN.md): lstat through an overlay of 1 and of 127 layers, divided by
 * the same lstat on one plain memfs Volume. Medians of many timed batches so a GC pause or a JIT
 * tier-up in one batch does not move the answer. Called by `npm run bench`.
 */
import { Volume } from 'memfs';
import { Layer, MutableLayer } from './layer';
import { Overlay } from './overlay';

const PATH = '/usr/lib/python3/dist-packages/pkg/module.py';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Nanoseconds per call of `f` (median of `batches` batches of `n` calls). */
function time(f: () => unknown, n = 20_000, batches = 15): number {
  let sink = 0;
  for (let i = 0; i < n; i++) if (f()) sink++; // warm-up
  const out: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) if (f()) sink++;
    out.push(((performance.now() - t0) * 1e6) / n);
  }
  if (sink < 0) throw new Error('unreachable');
  return median(out);
}

function stack(layers: number): Overlay {
  const lowers: Layer[] = [];
  for (let i = 0; i < layers; i++) {
    lowers.push(Layer.fromEntries([
      { path: `/layer${i}/file`, kind: 'file', data: String(i) },
      ...(i === 0 ? [{ path: PATH, kind: 'file' as const, data: 'x' }] : []),
    ]));
  }
  const upper = new MutableLayer();
  const ov = new Overlay(lowers, upper);
  // A container that has written something: the upper is consulted on every lookup.
  ov.writeFile('/tmp-written', new Uint8Array(1));
  ov.unlink(`/layer${layers - 1}/file`);
  return ov;
}

export function benchOverlayLookup(): { ratio1: number; ratio127: number } {
  const vol = new Volume();
  vol.mkdirSync('/usr/lib/python3/dist-packages/pkg', { recursive: true });
  vol.writeFileSync(PATH, 'x');
  const ov1 = stack(1);
  const ov127 = stack(127);
  const base = time(() => vol.lstatSync(PATH));
  const t1 = time(() => ov1.lstat(PATH));
  const t127 = time(() => ov127.lstat(PATH));
  // The baseline again at the end, so a slow start of the run does not flatter the ratios.
  const base2 = time(() => vol.lstatSync(PATH));
  const b = Math.min(base, base2);
  return { ratio1: t1 / b, ratio127: t127 / b };
}
