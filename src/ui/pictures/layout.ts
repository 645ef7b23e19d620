/**
 * The layer picture's layout (pure, no DOM). Images are columns; layers stack bottom-up. Images that
 * share a chain of base layers share those boxes: the boxes form a tree (a trie of layer chains,
 * laid out with d3-hierarchy's partition), so a common base is ONE box spanning every image above it.
 * This mirrors Docker's layer store, which shares a layer by its chain (the layers under it too).
 */
import { hierarchy, partition, type HierarchyRectangularNode } from 'd3-hierarchy';
import type { ImageView, LayerView } from '../../engine/view';
import { shortId } from '../format';

export interface LayerBox {
  /** Unique per box: the chain of diff IDs from the bottom up to this layer. */
  key: string;
  layer: LayerView;
  /** How many images use this box. */
  images: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ImageLabel {
  key: string;
  image: ImageView;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayerLayout {
  layers: LayerBox[];
  images: ImageLabel[];
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** Width available; columns grow to fill it, down to `minColumn` (then the picture scrolls). */
  width: number;
  minColumn?: number;
  rowHeight?: number;
  labelHeight?: number;
  gap?: number;
}

interface Node {
  key: string;
  layer?: LayerView;
  image?: ImageView;
  children: Node[];
}

function imageName(img: ImageView): string {
  return img.tags[0] ?? `<none>@${shortId(img.id)}`;
}

/** Pure layout: no DOM. */
export function layoutLayers(images: ImageView[], opts: LayoutOptions): LayerLayout {
  const minColumn = opts.minColumn ?? 120;
  const rowH = opts.rowHeight ?? 46;
  const labelH = opts.labelHeight ?? 40;
  const gap = opts.gap ?? 4;

  const root: Node = { key: '', children: [] };
  const sorted = [...images].sort((a, b) => imageName(a).localeCompare(imageName(b)) || a.id.localeCompare(b.id));
  for (const img of sorted) {
    let node = root;
    for (const layer of img.layers) {
      const key = node.key ? `${node.key}/${layer.diffId}` : layer.diffId;
      let next = node.children.find((c) => c.key === key);
      if (!next) {
        next = { key, layer, children: [] };
        node.children.push(next);
      }
      node = next;
    }
    node.children.push({ key: `image:${img.id}`, image: img, children: [] });
  }
  if (sorted.length === 0) return { layers: [], images: [], width: 0, height: 0 };

  const h = hierarchy(root, (d) => d.children).count();
  const columns = h.value ?? 1;
  const rows = h.height; // deepest image label's depth
  const colW = Math.max(minColumn, Math.floor(opts.width / columns));
  const width = colW * columns;
  const height = (rows - 1) * rowH + labelH;
  const laid: HierarchyRectangularNode<Node> = partition<Node>().size([columns, rows + 1])(h);

  // depth 1 = bottom layer; the image label sits in the row right above its top layer.
  const top = (depth: number) => height - (depth - 1) * rowH - rowH;
  const layers: LayerBox[] = [];
  const labels: ImageLabel[] = [];
  for (const n of laid.descendants()) {
    if (n.depth === 0) continue;
    const x = n.x0 * colW + gap / 2;
    const w = (n.x1 - n.x0) * colW - gap;
    if (n.data.layer) {
      layers.push({ key: n.data.key, layer: n.data.layer, images: n.value ?? 1, x, y: top(n.depth) + gap / 2, w, h: rowH - gap });
    } else if (n.data.image) {
      const y = top(n.depth) + rowH - labelH;
      labels.push({ key: n.data.key, image: n.data.image, x, y: y + gap / 2, w, h: labelH - gap });
    }
  }
  return { layers, images: labels, width, height };
}
