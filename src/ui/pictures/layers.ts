/**
 * Draws a layer layout (./layout.ts) into an HTML element with d3: one absolutely positioned box per
 * layer (`data-layer="<diffId>"`), one label per image (`data-image="<id>"`), and a short transition
 * when images come and go.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { humanSize, shortCreatedBy, shortId } from '../format';
import type { ImageLabel, LayerBox, LayerLayout } from './layout';

/** A calm colour per layer, from its diff ID. */
export function layerHue(diffId: string): number {
  const hex = shortId(diffId);
  return (parseInt(hex.slice(0, 6) || '0', 16) % 360 + 360) % 360;
}

export interface DrawText {
  shared: string;
}

const DURATION = 250;

/** Draw (or update, with a short transition) the layout into `host`, a positioned HTML element. */
export function drawLayers(host: HTMLElement, layout: LayerLayout, text: DrawText): void {
  const root = select(host).style('width', `${layout.width}px`).style('height', `${layout.height}px`);

  const place = <T extends { x: number; y: number; w: number; h: number }>(
    s: { style(name: string, value: (d: T) => string): unknown },
  ) => {
    s.style('left', (d) => `${d.x}px`);
    s.style('top', (d) => `${d.y}px`);
    s.style('width', (d) => `${d.w}px`);
    s.style('height', (d) => `${d.h}px`);
  };

  const boxes = root
    .selectAll<HTMLDivElement, LayerBox>('div.layer')
    .data(layout.layers, (d) => d.key)
    .join(
      (enter) => {
        const e = enter
          .append('div')
          .attr('class', 'layer')
          .style('opacity', '0')
          .style('--hue', (d) => String(layerHue(d.layer.diffId)));
        place(e);
        const head = e.append('div').attr('class', 'layer-head');
        head.append('code').attr('class', 'layer-id');
        head.append('span').attr('class', 'layer-size');
        const foot = e.append('div').attr('class', 'layer-foot');
        foot.append('span').attr('class', 'layer-cmd');
        foot.append('span').attr('class', 'layer-shared');
        return e;
      },
      (update) => update,
      (exit) => exit.transition().duration(DURATION).style('opacity', '0').remove(),
    );
  boxes
    .attr('data-layer', (d) => d.layer.diffId)
    .attr('data-chain', (d) => d.key)
    .attr('title', (d) => `${d.layer.diffId}\n${humanSize(d.layer.size)}\n${d.layer.createdBy}`)
    .classed('shared', (d) => d.images > 1);
  boxes.select('.layer-id').text((d) => shortId(d.layer.diffId));
  boxes.select('.layer-size').text((d) => humanSize(d.layer.size));
  boxes.select('.layer-shared').text((d) => (d.images > 1 ? `${text.shared}×${d.images}` : ''));
  boxes.select('.layer-cmd').text((d) => shortCreatedBy(d.layer.createdBy));
  place(boxes.transition().duration(DURATION).style('opacity', '1'));

  const labels = root
    .selectAll<HTMLDivElement, ImageLabel>('div.image')
    .data(layout.images, (d) => d.key)
    .join(
      (enter) => {
        const e = enter.append('div').attr('class', 'image').style('opacity', '0');
        place(e);
        e.append('div').attr('class', 'image-tags');
        e.append('div').attr('class', 'image-meta');
        return e;
      },
      (update) => update,
      (exit) => exit.transition().duration(DURATION).style('opacity', '0').remove(),
    );
  labels.attr('data-image', (d) => d.image.id).attr('title', (d) => `${d.image.id}\n${d.image.tags.join('\n')}`);
  labels.select('.image-tags').text((d) => (d.image.tags.length ? d.image.tags.join(', ') : '<none>:<none>'));
  labels
    .select('.image-meta')
    .text((d) => `${shortId(d.image.id)} · ${humanSize(d.image.size)} · ${d.image.layers.length} layer${d.image.layers.length === 1 ? '' : 's'}`);
  place(labels.transition().duration(DURATION).style('opacity', '1'));
}
