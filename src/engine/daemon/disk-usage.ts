/**
 * `GET /system/df`: what `docker system df` reads. The daemon reports the raw numbers (layer bytes
 * counted once, each image's shared bytes, each container's writable layer, each volume's bytes
 * and how many containers use it, build cache records); the CLI adds them up into the summary.
 */
import type { ContainerSummary, ImageSummary } from '../../api/daemon';
import type { BuildCacheRecord, DiskUsage, VolumeUsage } from '../../api/bodies';
import type { ImageStore } from '../image/store';
import type { VolumeService } from '../volume/volumes';

export function diskUsage(d: {
  store: ImageStore;
  images: ImageSummary[];
  containers: ContainerSummary[];
  volumes: VolumeService;
  volumeUsers: (name: string) => string[];
  buildCache: BuildCacheRecord[];
}): DiskUsage {
  // A layer held by several images is counted once in LayersSize and as "shared" in each of them.
  const holders = new Map<string, { size: number; images: number }>();
  for (const img of d.store.list()) {
    img.layers.forEach((l, i) => {
      const key = img.chainIds[i];
      const h = holders.get(key) ?? { size: l.size, images: 0 };
      h.images++;
      holders.set(key, h);
    });
  }
  let layersSize = 0;
  for (const h of holders.values()) layersSize += h.size;
  const images = d.images.map((s) => {
    const img = d.store.get(s.Id);
    const shared = img ? img.chainIds.reduce((n, c) => n + ((holders.get(c)?.images ?? 0) > 1 ? holders.get(c)!.size : 0), 0) : 0;
    return { ...s, SharedSize: shared, Containers: d.containers.filter((c) => c.ImageID === s.Id).length };
  });
  const volumes = d.volumes.list().map((v) => ({
    ...d.volumes.inspect(v.name),
    Name: v.name,
    Labels: v.labels,
    UsageData: { Size: d.volumes.size(v.name), RefCount: d.volumeUsers(v.name).length },
  }));
  return { LayersSize: layersSize, Images: images, Containers: d.containers, Volumes: volumes, BuildCache: d.buildCache };
}
