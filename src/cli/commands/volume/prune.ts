/** `docker volume prune`: Remove unused local volumes (flags and help as Docker 28.5 prints them). */
import { bool, call } from '../shared/common';
import { deletedSection, pruneVerb, reclaimedLine } from '../shared/prune';
import { api } from './common';
import FLAGS from './flags.json';

export const spec = pruneVerb({
  short: 'Remove unused local volumes',
  filterExample: 'label=<label>',
  flags: [...FLAGS.prune],
  question: (flags) => `WARNING! This will remove ${bool(flags, 'all') ? 'all local volumes' : 'anonymous local volumes'} not used by at least one container.\nAre you sure you want to continue?`,
  prune: async (ctx, flags, filters) => {
    const r = await call(() => api(ctx).volumePrune(bool(flags, 'all'), filters));
    return deletedSection('Deleted Volumes', r.VolumesDeleted) + reclaimedLine(r.SpaceReclaimed);
  }
});
