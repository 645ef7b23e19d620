/** `docker builder prune`: Remove build cache (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import { humanSize } from '../../../lib/units';
import { CliError, type CommandSpec, type Handler } from '../../framework/types';
import { bool, daemonOf } from '../shared/common';

export const builderPruneRun: Handler = async (ctx, _args, flags) => {
  const d = daemonOf(ctx);
  if (!d.buildPrune) throw new CliError('docker builder prune: not simulated yet', 1);
  const all = bool(flags, 'all');
  if (!bool(flags, 'force')) {
    const warning = all ? 'WARNING! This will remove all build cache.' : 'WARNING! This will remove all dangling build cache.';
    await ctx.io.stdout.write(`${warning} Are you sure you want to continue? [y/N] `);
    const chunk = await ctx.io.stdin.read().catch(() => null);
    const answer = chunk ? new TextDecoder().decode(chunk).trim().toLowerCase() : '';
    if (answer !== 'y' && answer !== 'yes') return 0;
  }
  const r = await d.buildPrune(all);
  let out = '';
  if (r.CachesDeleted?.length) out += 'Deleted build cache objects:\n' + r.CachesDeleted.map((id) => id + '\n').join('') + '\n';
  out += `Total reclaimed space: ${humanSize(r.SpaceReclaimed)}\n`;
  await ctx.io.stdout.write(out);
  return 0;
};

export const spec: CommandSpec = {
  name: 'prune',
  use: 'prune',
  short: 'Remove build cache',
  args: { kind: 'none' },
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Remove all unused build cache, not just dangling ones' },
    pruneFilterFlag('Provide filter values (e.g. "until=24h")'),
    forceFlag(),
    { long: 'keep-storage', type: 'bytes', usage: 'Amount of disk space to keep for cache', default: '0' }
  ],
  run: builderPruneRun
};
