/** `docker container restart`: Restart one or more containers (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { daemonOf, eachArg } from '../shared/common';
import { stopOptions } from './common';
import FLAGS from './flags.json';

export const restartRun: Handler = (ctx, args, flags) => eachArg(ctx, args, (n) => daemonOf(ctx).containerRestart(n, stopOptions(ctx, flags)));

export const spec = verb({
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]', short: 'Restart one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.restart],
  run: restartRun
});
