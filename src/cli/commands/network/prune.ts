/** `docker network prune`: Remove all unused networks (flags and help as Docker 28.5 prints them). */
import { call } from '../shared/common';
import { deletedSection, pruneVerb } from '../shared/prune';
import { api } from './common';

export const spec = pruneVerb({
  short: 'Remove all unused networks',
  filterExample: 'until=<timestamp>',
  question: () => 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?',
  // The CLI builds "Deleted Networks:\nA\n" and prints it with Fprintln: a blank line ends it.
  // Networks take no disk space: no "Total reclaimed space" line.
  prune: async (ctx) => deletedSection('Deleted Networks', await call(() => api(ctx).networkPrune()))
});
