/**
 * The Engine API's /images endpoints (and /images/search) as DaemonApi names them, answered by the
 * image service (images.ts) and, for import, save and load, by import.ts, save.ts and load.ts with
 * the events moby's image service and tarexport log. dockerd mixes this object into itself.
 */
import { checkPlatformParam } from './platform-param';
import type { DiskSpace } from '../fs/disk';
import { loadHubData } from '../registry/registry';
import type { DaemonApi } from '../../api/daemon';
import type { Emitter } from '../events';
import type { Clock } from '../clock';
import type { ImageStore } from '../image/store';
import type { Registry } from '../registry/registry';
import type { ImageService } from './images';
import { importTarball } from './import';
import { applyChange } from './commit';
import { saveImages } from './save';
import { loadImages } from './load';
import { imageEvent } from './event-log';

export type ImageEndpoints = Pick<
  DaemonApi,
  'imageList' | 'imagePull' | 'imageRemove' | 'imageTag' | 'imageHistory' | 'imageInspect' | 'imagePrune' | 'search' | 'imageImport' | 'imageSave' | 'imageLoad'
>;

export interface ImageEndpointDeps {
  images: ImageService;
  store: ImageStore;
  /** The simulated Hub (search asks it). */
  hub: () => Registry;
  clock: Clock;
  events: Emitter;
  /** Docker's data root's disk (a load fails with ENOSPC when it is full). */
  disk?: DiskSpace;
}

export function imageEndpoints({ images, store, hub, clock, events, disk }: ImageEndpointDeps): ImageEndpoints {
  return {
    imageList: async (opts) => images.list(opts),
    async imagePull(ref, opts) {
      checkPlatformParam(opts.platform);
      await images.pull(ref, opts.onProgress);
    },
    imageRemove: async (ref, opts) => images.remove(ref, opts),
    imageTag: async (source, target) => images.tag(source, target),
    imageHistory: async (ref) => images.history(ref),
    imageInspect: async (ref) => images.inspect(ref),
    imagePrune: async (opts) => images.prune(opts),
    search: async (term, opts) => {
      await loadHubData(); // the Hub's listings are a chunk of their own (registry/registry.ts)
      return images.search(term, opts, hub());
    },
    async imageImport(tar, opts) {
      checkPlatformParam(opts.platform);
      const img = importTarball(store, clock, tar, opts, (cfg, line) => applyChange(cfg, line));
      events.emit({ type: 'layer.created', diffId: img.layers[0].diffId });
      if (opts.reference) images.tag(img.id, opts.reference);
      imageEvent(events, img, img.id, img.id, 'import');
      return img.id;
    },
    async imageSave(refs) {
      const tar = saveImages(store, refs, clock.now());
      // image/tarexport/save.go logs `save` once per image written (a bare name means all its tags).
      const ids = new Set<string>();
      for (const r of refs) {
        try {
          ids.add(store.lookup(r).id);
        } catch {
          for (const img of store.list()) if (store.repoTags(img.id).some((t) => t.startsWith(`${r}:`))) ids.add(img.id);
        }
      }
      for (const id of ids) imageEvent(events, store.get(id), id, id, 'save');
      return tar;
    },
    async imageLoad(bytes, quiet = false) {
      const msgs = loadImages(store, bytes, quiet, disk);
      // tarexport logs `load` for every image in the archive, new or already present.
      const loaded = new Set<string>();
      for (const m of msgs) {
        const named = /^Loaded image(?: ID)?: (\S+)/.exec(m.status);
        if (!named) continue;
        try {
          loaded.add(store.lookup(named[1]).id);
        } catch {
          /* not an image line */
        }
      }
      for (const id of loaded) imageEvent(events, store.get(id), id, id, 'load');
      return msgs;
    },
  };
}
