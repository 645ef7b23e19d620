/** `docker container restart`: Restart one or more containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec, Handler } from '../../framework/types';
import { daemonOf, str } from '../shared/common';
import { eachContainer, timeoutOf } from './common';

export const restartRun: Handler = (ctx, args, flags) =>
  eachContainer(ctx, args, (n) => daemonOf(ctx).containerRestart(n, { timeout: timeoutOf(ctx, flags), signal: str(flags, 'signal') || undefined }));

export const spec: CommandSpec = {
  name: 'restart',
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  aliasesLine: 'docker container restart, docker restart',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
    { long: 'timeout', short: 't', type: 'int', usage: 'Seconds to wait before killing the container', default: '0' }
  ],
  run: restartRun
};
