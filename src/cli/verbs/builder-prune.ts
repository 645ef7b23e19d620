/**
 * `docker builder prune`: forget build cache records. Without `-a` only the dangling ones (steps
 * no tagged image or container stands on); with `-a` all, so the next build runs every step again.
 * Wording as docker-cli's cli/command/builder/prune.go prints it.
 */
import type { Handler } from '../framework/types';
import { humanSize } from '../../lib/units';
import { bool, daemonOf } from './common';

export const builderPruneRun: Handler = async (ctx, _args, flags) => {
  const d = daemonOf(ctx);
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
