/** `docker container unpause`: Unpause all processes within one or more containers (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { daemonOf, eachArg } from '../shared/common';

export const unpauseRun: Handler = (ctx, args) => eachArg(ctx, args, (n) => daemonOf(ctx).containerUnpause(n));

export const spec = verb({
  use: 'unpause CONTAINER [CONTAINER...]', short: 'Unpause all processes within one or more containers',
  args: { kind: 'min', n: 1 },
  run: unpauseRun
});
