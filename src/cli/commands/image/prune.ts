/** `docker image prune`: Remove unused images (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import { humanSize } from '../../../lib/units';
import type { CommandSpec, Handler } from '../../framework/types';
import { bool, call, confirm, daemonOf, list, parseFilters } from '../shared/common';

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
  if (r.ImagesDeleted?.length) {
    await ctx.io.stdout.write('Deleted Images:\n');
    for (const it of r.ImagesDeleted) await ctx.io.stdout.write(it.Untagged ? `untagged: ${it.Untagged}\n` : `deleted: ${it.Deleted}\n`);
    await ctx.io.stdout.write('\n');
  }
  await ctx.io.stdout.write(`Total reclaimed space: ${humanSize(r.SpaceReclaimed)}\n`);
  return 0;
};

export const spec: CommandSpec = {
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove unused images',
  args: { kind: 'none' },
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' },
    pruneFilterFlag('Provide filter values (e.g. "until=<timestamp>")'),
    forceFlag()
  ],
  run: imagePruneRun
};
