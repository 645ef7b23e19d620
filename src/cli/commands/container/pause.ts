/** `docker container pause`: Pause all processes within one or more containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec, Handler } from '../../framework/types';
import { daemonOf, eachArg } from '../shared/common';

export const pauseRun: Handler = (ctx, args) => eachArg(ctx, args, (n) => daemonOf(ctx).containerPause(n));

export const spec: CommandSpec = {
  name: 'pause', use: 'pause CONTAINER [CONTAINER...]', short: 'Pause all processes within one or more containers',
  aliasesLine: 'docker container pause, docker pause',
  args: { kind: 'min', n: 1 },
  flags: [],
  run: pauseRun
};
