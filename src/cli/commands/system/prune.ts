/** `docker system prune`: Remove unused data (flags and help as Docker 28.5 prints them). */
import { bool, daemonOf } from '../shared/common';
import { deletedImages, deletedSection, pruneVerb, reclaimedLine } from '../shared/prune';
import FLAGS from './flags.json';

/** `docker system prune`: stopped containers, unused networks, dangling (or, -a, unused) images, build cache. */
export const spec = pruneVerb({
  short: 'Remove unused data',
  filterExample: 'label=<key>=<value>',
  flags: [...FLAGS.prune],
  question: (flags) => {
    const all = bool(flags, 'all');
    const items = [
      'all stopped containers',
      'all networks not used by at least one container',
      ...(bool(flags, 'volumes') ? ['all anonymous volumes not used by at least one container'] : []),
      all ? 'all images without at least one container associated to them' : 'all dangling images',
      all ? 'all build cache' : 'unused build cache',
    ];
    return `WARNING! This will remove:\n${items.map((i) => `  - ${i}\n`).join('')}\nAre you sure you want to continue?`;
  },
  prune: async (ctx, flags) => {
    const all = bool(flags, 'all');
    const d = daemonOf(ctx);
    const c = await d.containerPrune();
    // docker-cli prunes in this order: containers, networks, volumes (anonymous only), images, build cache.
    const n = d.networkPrune ? await d.networkPrune() : [];
    const v = bool(flags, 'volumes') && d.volumePrune ? await d.volumePrune(false) : { VolumesDeleted: null, SpaceReclaimed: 0 };
    const i = await d.imagePrune({ all, filters: {} });
    const b = d.buildPrune ? await d.buildPrune(all) : { CachesDeleted: null, SpaceReclaimed: 0 };
    return (
      deletedSection('Deleted Containers', c.ContainersDeleted) +
      deletedSection('Deleted Networks', n) +
      deletedSection('Deleted Volumes', v.VolumesDeleted) +
      deletedImages(i.ImagesDeleted) +
      deletedSection('Deleted build cache objects', b.CachesDeleted) +
      reclaimedLine(c.SpaceReclaimed + v.SpaceReclaimed + i.SpaceReclaimed + b.SpaceReclaimed)
    );
  }
});
