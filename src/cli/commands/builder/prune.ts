/** `docker builder prune`: Remove build cache (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, confirm, daemonOf } from '../shared/common';
import { deletedSection, reclaimedLine } from '../shared/prune';
import FLAGS from './flags.json';

export const builderPruneRun: Handler = async (ctx, _args, flags) => {
  const d = daemonOf(ctx);
  const all = bool(flags, 'all');
  if (!bool(flags, 'force')) {
    const warning = all ? 'WARNING! This will remove all build cache.' : 'WARNING! This will remove all dangling build cache.';
    if (!(await confirm(ctx, `${warning} Are you sure you want to continue? [y/N] `, false))) return 0;
  }
  const r = await d.buildPrune(all);
  let out = '';
  out += deletedSection('Deleted build cache objects', r.CachesDeleted);
  out += reclaimedLine(r.SpaceReclaimed);
  await ctx.io.stdout.write(out);
  return 0;
};

export const spec = verb({
  use: 'prune', short: 'Remove build cache',
  args: { kind: 'none' },
  flags: [...FLAGS.prune, pruneFilterFlag('Provide filter values (e.g. "until=24h")'), forceFlag()],
  run: builderPruneRun
});
