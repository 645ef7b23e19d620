/** `docker builder prune`: Remove build cache (flags and help as Docker 28.5 prints them). */
import { bool, daemonOf } from '../shared/common';
import { deletedSection, pruneVerb, reclaimedLine } from '../shared/prune';
import FLAGS from './flags.json';

export const spec = pruneVerb({
  use: 'prune',
  short: 'Remove build cache',
  filterExample: 'until=24h',
  flags: [...FLAGS.prune],
  // One line, unlike the other prunes' questions.
  question: (flags) =>
    bool(flags, 'all')
      ? 'WARNING! This will remove all build cache. Are you sure you want to continue?'
      : 'WARNING! This will remove all dangling build cache. Are you sure you want to continue?',
  prune: async (ctx, flags) => {
    const r = await daemonOf(ctx).buildPrune(bool(flags, 'all'));
    return deletedSection('Deleted build cache objects', r.CachesDeleted) + reclaimedLine(r.SpaceReclaimed);
  }
});
