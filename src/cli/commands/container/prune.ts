/** `docker container prune`: Remove all stopped containers (flags and help as Docker 28.5 prints them). */
import { daemonOf } from '../shared/common';
import { deletedSection, pruneVerb, reclaimedLine } from '../shared/prune';

export const spec = pruneVerb({
  short: 'Remove all stopped containers',
  filterExample: 'until=<timestamp>',
  question: () => 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?',
  prune: async (ctx) => {
    const r = await daemonOf(ctx).containerPrune();
    return deletedSection('Deleted Containers', r.ContainersDeleted) + reclaimedLine(r.SpaceReclaimed);
  }
});
