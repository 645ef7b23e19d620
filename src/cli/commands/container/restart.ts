/** `docker container restart`: Restart one or more containers (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { daemonOf, eachArg, str } from '../shared/common';
import { timeoutOf } from './common';
import FLAGS from './flags.json';

export const restartRun: Handler = (ctx, args, flags) =>
  eachArg(ctx, args, (n) => daemonOf(ctx).containerRestart(n, { timeout: timeoutOf(ctx, flags), signal: str(flags, 'signal') || undefined }));

export const spec = verb({
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]', short: 'Restart one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.restart],
  run: restartRun
});
