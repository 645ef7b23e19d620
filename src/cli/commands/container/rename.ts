/** `docker container rename`: Rename a container (flags and help as Docker 28.5 prints them). */
import type { CommandSpec, Handler } from '../../framework/types';
import { call, daemonOf } from '../shared/common';

export const renameRun: Handler = async (ctx, args) => {
  await call(() => daemonOf(ctx).containerRename(args[0], args[1]));
  return 0;
};

export const spec: CommandSpec = {
  name: 'rename', use: 'rename CONTAINER NEW_NAME', short: 'Rename a container',
  aliasesLine: 'docker container rename, docker rename',
  args: { kind: 'exact', n: 2 },
  flags: [],
  run: renameRun
};
