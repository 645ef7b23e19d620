/** `docker container unpause`: Unpause all processes within one or more containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec, Handler } from '../../framework/types';
import { daemonOf, eachArg } from '../shared/common';

export const unpauseRun: Handler = (ctx, args) => eachArg(ctx, args, (n) => daemonOf(ctx).containerUnpause(n));

export const spec: CommandSpec = {
  name: 'unpause', use: 'unpause CONTAINER [CONTAINER...]', short: 'Unpause all processes within one or more containers',
  aliasesLine: 'docker container unpause, docker unpause',
  args: { kind: 'min', n: 1 },
  flags: [],
  run: unpauseRun
};
