/** `docker container prune`: Remove all stopped containers (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, confirm, daemonOf } from '../shared/common';
import { deletedSection, reclaimedLine } from '../shared/prune';

export const containerPruneRun: Handler = async (ctx, _args, flags) => {
  if (!bool(flags, 'force') && !(await confirm(ctx, 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ', false))) return 0;
  const r = await daemonOf(ctx).containerPrune();
  await ctx.io.stdout.write(deletedSection('Deleted Containers', r.ContainersDeleted));
  await ctx.io.stdout.write(reclaimedLine(r.SpaceReclaimed));
  return 0;
};

export const spec = verb({
  use: 'prune [OPTIONS]', short: 'Remove all stopped containers',
  args: { kind: 'none' },
  flags: [pruneFilterFlag('Provide filter values (e.g. "until=<timestamp>")'), forceFlag()],
  run: containerPruneRun
});
