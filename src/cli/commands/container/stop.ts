/** `docker container stop`: Stop one or more running containers (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { daemonOf } from '../shared/common';
import { inParallel, stopOptions } from './common';
import FLAGS from './flags.json';

export const stopRun: Handler = (ctx, args, flags) => inParallel(ctx, args, (n) => daemonOf(ctx).containerStop(n, stopOptions(ctx, flags)));

export const spec = verb({
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]', short: 'Stop one or more running containers',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.stop],
  run: stopRun
});
