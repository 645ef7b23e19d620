/** `docker image prune`: Remove unused images (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, call, confirm, daemonOf, list, parseFilters } from '../shared/common';
import { deletedSection, reclaimedLine } from '../shared/prune';
import FLAGS from './flags.json';

export const imagePruneRun: Handler = async (ctx, _args, flags) => {
  const all = bool(flags, 'all');
  // docker-cli parses --filter as the flag is set, so a bad one fails before the question.
  const filters = parseFilters(list(flags, 'filter'));
  if (!bool(flags, 'force')) {
    const warning = all
      ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] '
      : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ';
    if (!(await confirm(ctx, warning))) return 0;
  }
  const r = await call(() => daemonOf(ctx).imagePrune({ all, filters }));
  await ctx.io.stdout.write(deletedSection('Deleted Images', r.ImagesDeleted?.map((it) => (it.Untagged ? `untagged: ${it.Untagged}` : `deleted: ${it.Deleted}`))) + reclaimedLine(r.SpaceReclaimed));
  return 0;
};

export const spec = verb({
  use: 'prune [OPTIONS]', short: 'Remove unused images',
  args: { kind: 'none' },
  flags: [...FLAGS.prune, pruneFilterFlag('Provide filter values (e.g. "until=<timestamp>")'), forceFlag()],
  run: imagePruneRun
});
