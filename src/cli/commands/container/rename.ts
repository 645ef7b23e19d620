/** `docker container rename`: Rename a container (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { daemonOf, silentCall } from '../shared/common';

export const renameRun: Handler = (ctx, args) => silentCall(() => daemonOf(ctx).containerRename(args[0], args[1]));

export const spec = verb({
  use: 'rename CONTAINER NEW_NAME', short: 'Rename a container',
  args: { kind: 'exact', n: 2 },
  run: renameRun
});
