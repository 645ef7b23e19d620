/** `docker image prune`: Remove unused images (flags and help as Docker 28.5 prints them). */
import { bool, call, daemonOf } from '../shared/common';
import { deletedImages, pruneVerb, reclaimedLine } from '../shared/prune';
import FLAGS from './flags.json';

export const spec = pruneVerb({
  short: 'Remove unused images',
  filterExample: 'until=<timestamp>',
  flags: [...FLAGS.prune],
  question: (flags) =>
    bool(flags, 'all')
      ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?'
      : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?',
  newlineOnEof: true,
  prune: async (ctx, flags, filters) => {
    const r = await call(() => daemonOf(ctx).imagePrune({ all: bool(flags, 'all'), filters }));
    return deletedImages(r.ImagesDeleted) + reclaimedLine(r.SpaceReclaimed);
  }
});
