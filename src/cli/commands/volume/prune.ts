/** `docker volume prune`: Remove unused local volumes (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import { DaemonError } from '../../../api/daemon';
import { humanSize } from '../../../lib/units';
import { CliError, type CommandSpec, type Handler } from '../../framework/types';
import { bool, daemonMessage, list, parseFilters } from '../shared/common';
import { api } from './common';

export const volumePruneRun: Handler = async (ctx, _args, flags) => {
  const all = bool(flags, 'all');
  // docker-cli parses --filter as the flag is set, so a bad one fails before the question.
  const filters = parseFilters(list(flags, 'filter'));
  if (!bool(flags, 'force')) {
    await ctx.io.stdout.write(`WARNING! This will remove ${all ? 'all local volumes' : 'anonymous local volumes'} not used by at least one container.\nAre you sure you want to continue? [y/N] `);
    const chunk = await ctx.io.stdin.read().catch(() => null);
    const answer = chunk ? new TextDecoder().decode(chunk).trim().toLowerCase() : '';
    if (answer !== 'y' && answer !== 'yes') return 0;
  }
  let r: Awaited<ReturnType<ReturnType<typeof api>['volumePrune']>>;
  try {
    r = await api(ctx).volumePrune(all, filters);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  let out = '';
  if (r.VolumesDeleted?.length) out += 'Deleted Volumes:\n' + r.VolumesDeleted.map((n) => n + '\n').join('') + '\n';
  out += `Total reclaimed space: ${humanSize(r.SpaceReclaimed)}\n`;
  await ctx.io.stdout.write(out);
  return 0;
};

export const spec: CommandSpec = {
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove unused local volumes',
  args: { kind: 'none' },
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Remove all unused volumes, not just anonymous ones' },
    pruneFilterFlag('Provide filter values (e.g. "label=<label>")'),
    forceFlag()
  ],
  run: volumePruneRun
};
