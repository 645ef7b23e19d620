/** `docker container prune`: Remove all stopped containers (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import { humanSize } from '../../../lib/units';
import type { CommandSpec, Handler } from '../../framework/types';
import { bool, daemonOf } from '../shared/common';

export const containerPruneRun: Handler = async (ctx, _args, flags) => {
  if (!bool(flags, 'force')) {
    await ctx.io.stdout.write('WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ');
    const chunk = await ctx.io.stdin.read().catch(() => null);
    const answer = chunk ? new TextDecoder().decode(chunk).trim().toLowerCase() : '';
    if (answer !== 'y' && answer !== 'yes') return 0;
  }
  const r = await daemonOf(ctx).containerPrune();
  if (r.ContainersDeleted?.length) {
    await ctx.io.stdout.write('Deleted Containers:\n' + r.ContainersDeleted.map((id) => id + '\n').join('') + '\n');
  }
  await ctx.io.stdout.write(`Total reclaimed space: ${humanSize(r.SpaceReclaimed)}\n`);
  return 0;
};

export const spec: CommandSpec = {
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove all stopped containers',
  args: { kind: 'none' },
  flags: [
    pruneFilterFlag('Provide filter values (e.g. "until=<timestamp>")'),
    forceFlag()
  ],
  run: containerPruneRun
};
