/**
 * The one place this folder depends on the filesystem's Layer class. The store itself only needs
 * what LayerLike describes (identity, reported size, and entries for snapshots), so it stays
 * testable with any object of that shape.
 */
import type { LayerEntry } from '../../api/fs';
export { Layer } from '../fs/layer';

export interface LayerLike {
  /** 'sha256:<hex>' of the layer's uncompressed tar. */
  readonly diffId: string;
  /** Reported bytes (honours FileMeta.size). */
  readonly size: number;
  entries(): LayerEntry[];
}
