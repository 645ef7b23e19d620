/** `docker container wait`: Block until one or more containers stop, then print their exit codes (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { daemonOf, eachArg } from '../shared/common';

export const waitRun: Handler = (ctx, args) =>
  eachArg(ctx, args, async (n) => String((await daemonOf(ctx).containerWait(n)).StatusCode));

export const spec = verb({
  use: 'wait CONTAINER [CONTAINER...]', short: 'Block until one or more containers stop, then print their exit codes',
  args: { kind: 'min', n: 1 },
  run: waitRun
});
