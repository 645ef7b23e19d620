/** `docker network prune`: Remove all unused networks (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import type { CommandSpec, Handler } from '../../framework/types';
import { bool } from '../shared/common';
import { api, daemonCall } from './common';

export const networkPruneRun: Handler = async (ctx, _args, flags) => {
  if (!bool(flags, 'force')) {
    await ctx.io.stdout.write('WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ');
    const chunk = await ctx.io.stdin.read().catch(() => null);
    const answer = chunk ? new TextDecoder().decode(chunk).trim().toLowerCase() : '';
    if (answer !== 'y' && answer !== 'yes') return 0;
  }
  const gone = await daemonCall(() => api(ctx).networkPrune());
  // The CLI builds "Deleted Networks:\nA\n" and prints it with Fprintln: a blank line ends it.
  if (gone.length) await ctx.io.stdout.write('Deleted Networks:\n' + gone.map((n) => n + '\n').join('') + '\n');
  return 0;
};

export const spec: CommandSpec = {
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: { kind: 'none' },
  flags: [
    pruneFilterFlag('Provide filter values (e.g. "until=<timestamp>")'),
    forceFlag()
  ],
  run: networkPruneRun
};
