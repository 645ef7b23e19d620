/** `docker container kill`: Kill one or more running containers (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { daemonOf, str } from '../shared/common';
import { inParallel } from './common';
import FLAGS from './flags.json';

export const killRun: Handler = (ctx, args, flags) =>
  inParallel(ctx, args, (n) => daemonOf(ctx).containerKill(n, str(flags, 'signal') || undefined));

export const spec = verb({
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]', short: 'Kill one or more running containers',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.kill],
  run: killRun
});
