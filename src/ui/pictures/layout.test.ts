import { describe, expect, it } from 'vitest';
import type { ImageView, LayerView } from '../../engine/view';
import { layoutLayers } from './layout';

const L = (n: number): LayerView => ({ diffId: `sha256:${String(n).repeat(64).slice(0, 64)}`, size: n * 1000, createdBy: `RUN step ${n}` });
const img = (id: string, tag: string, layers: LayerView[]): ImageView => ({ id: `sha256:${id}`, tags: [tag], layers, size: 0 });

describe('layoutLayers', () => {
  it('is empty without images', () => {
    expect(layoutLayers([], { width: 300 })).toEqual({ layers: [], images: [], width: 0, height: 0 });
  });

  it('draws a shared base once, spanning both images, bottom layer lowest', () => {
    const a = img('a', 'app:1', [L(1), L(2), L(3)]);
    const b = img('b', 'app:2', [L(1), L(2), L(4)]);
    const out = layoutLayers([a, b], { width: 400, minColumn: 150, rowHeight: 40, labelHeight: 30, gap: 0 });
    expect(out.layers.map((l) => l.layer.diffId).sort()).toEqual([L(1), L(2), L(3), L(4)].map((l) => l.diffId).sort());
    const base = out.layers.find((l) => l.layer.diffId === L(1).diffId)!;
    const second = out.layers.find((l) => l.layer.diffId === L(2).diffId)!;
    const top3 = out.layers.find((l) => l.layer.diffId === L(3).diffId)!;
    expect(base.images).toBe(2);
    expect(base.w).toBe(400);
    expect(top3.w).toBe(200);
    expect(base.y).toBeGreaterThan(second.y);
    expect(second.y).toBeGreaterThan(top3.y);
    expect(base.y + base.h).toBe(out.height);
    expect(out.images.map((i) => i.image.tags[0])).toEqual(['app:1', 'app:2']);
    for (const label of out.images) expect(label.y + label.h).toBeLessThanOrEqual(top3.y);
  });

  it('puts an image that is a prefix of another above its own top layer', () => {
    const base = img('base', 'alpine', [L(1)]);
    const app = img('app', 'myapp', [L(1), L(2)]);
    const out = layoutLayers([base, app], { width: 300, minColumn: 150 });
    expect(out.layers).toHaveLength(2);
    const alpine = out.images.find((i) => i.image.id === 'sha256:base')!;
    const l1 = out.layers.find((l) => l.layer.diffId === L(1).diffId)!;
    expect(alpine.y + alpine.h).toBeLessThanOrEqual(l1.y);
    expect(l1.images).toBe(2);
  });

  it('scrolls rather than squeezing columns under the minimum', () => {
    const imgs = [1, 2, 3, 4].map((n) => img(String(n), `i${n}`, [L(n)]));
    const out = layoutLayers(imgs, { width: 300, minColumn: 150 });
    expect(out.width).toBe(600);
  });
});
