/** `docker volume prune`: Remove unused local volumes (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, call, confirm, list, parseFilters } from '../shared/common';
import { deletedSection, reclaimedLine } from '../shared/prune';
import { api } from './common';
import FLAGS from './flags.json';

export const volumePruneRun: Handler = async (ctx, _args, flags) => {
  const all = bool(flags, 'all');
  // docker-cli parses --filter as the flag is set, so a bad one fails before the question.
  const filters = parseFilters(list(flags, 'filter'));
  if (!bool(flags, 'force') && !(await confirm(ctx, `WARNING! This will remove ${all ? 'all local volumes' : 'anonymous local volumes'} not used by at least one container.\nAre you sure you want to continue? [y/N] `, false))) return 0;
  const r: Awaited<ReturnType<ReturnType<typeof api>['volumePrune']>> = await call(() => api(ctx).volumePrune(all, filters));
  let out = '';
  out += deletedSection('Deleted Volumes', r.VolumesDeleted);
  out += reclaimedLine(r.SpaceReclaimed);
  await ctx.io.stdout.write(out);
  return 0;
};

export const spec = verb({
  use: 'prune [OPTIONS]', short: 'Remove unused local volumes',
  args: { kind: 'none' },
  flags: [...FLAGS.prune, pruneFilterFlag('Provide filter values (e.g. "label=<label>")'), forceFlag()],
  run: volumePruneRun
});
