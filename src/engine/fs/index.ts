/** The simulated filesystem: layers, overlays, tars, the mount table and per-process views. */
export * from '../../api/fs';
export { Layer, MutableLayer, type LayerOptions, type MutableLayerOptions } from './layer';
export { Overlay, type Change } from './overlay';
export { mergedIndex } from './merged';
export { Vfs, type Mount, type VfsOptions } from './vfs';
export { Disk, type DiskSpace } from './disk';
export { FsView } from './fsview';
export { permits } from './perm';
export {
  writeTar, readTar, layerEntriesToTar, tarToLayerEntries, digest, chainId, chainIds, hex,
  PAX_VSIZE, type TarEntry, type TarType,
} from '../../lib/tar';
export { snapshotLayer, restoreLayer, snapshotMutable, restoreMutable, type LayerSnapshot, type SnapEntry } from './snapshot';
export { normalize, dirname, basename, join } from '../../lib/path';
