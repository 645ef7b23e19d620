/** `docker volume rm`: Remove one or more volumes. You cannot remove a volume that is in use by a container. (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, eachArg } from '../shared/common';
import { api } from './common';

export const volumeRmRun: Handler = (ctx, args, flags) => eachArg(ctx, args, (name) => api(ctx).volumeRemove(name, bool(flags, 'force')));

export const spec = verb({
  use: 'rm [OPTIONS] VOLUME [VOLUME...]', short: 'Remove one or more volumes',
  long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  flags: [forceFlag('Force the removal of one or more volumes')],
  run: volumeRmRun
});
