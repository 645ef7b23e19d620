/** `docker container wait`: Block until one or more containers stop, then print their exit codes (flags and help as Docker 28.5 prints them). */
import type { CommandSpec, Handler } from '../../framework/types';
import { daemonOf, eachArg } from '../shared/common';

export const waitRun: Handler = (ctx, args) =>
  eachArg(ctx, args, async (n) => String((await daemonOf(ctx).containerWait(n)).StatusCode));

export const spec: CommandSpec = {
  name: 'wait', use: 'wait CONTAINER [CONTAINER...]', short: 'Block until one or more containers stop, then print their exit codes',
  aliasesLine: 'docker container wait, docker wait',
  args: { kind: 'min', n: 1 },
  flags: [],
  run: waitRun
};
