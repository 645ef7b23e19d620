/** `docker network prune`: Remove all unused networks (flags and help as Docker 28.5 prints them). */
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, call, confirm } from '../shared/common';
import { deletedSection } from '../shared/prune';
import { api } from './common';

export const networkPruneRun: Handler = async (ctx, _args, flags) => {
  if (!bool(flags, 'force') && !(await confirm(ctx, 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ', false))) return 0;
  const gone = await call(() => api(ctx).networkPrune());
  // The CLI builds "Deleted Networks:\nA\n" and prints it with Fprintln: a blank line ends it.
  await ctx.io.stdout.write(deletedSection('Deleted Networks', gone));
  return 0;
};

export const spec = verb({
  use: 'prune [OPTIONS]', short: 'Remove all unused networks',
  args: { kind: 'none' },
  flags: [pruneFilterFlag('Provide filter values (e.g. "until=<timestamp>")'), forceFlag()],
  run: networkPruneRun
});
