/** `docker container rename`: Rename a container (flags and help as Docker 28.5 prints them). */
import { DaemonError } from '../../../api/daemon';
import { CliError, type CommandSpec, type Handler } from '../../framework/types';
import { daemonMessage, daemonOf } from '../shared/common';

export const renameRun: Handler = async (ctx, args) => {
  try {
    await daemonOf(ctx).containerRename(args[0], args[1]);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  return 0;
};

export const spec: CommandSpec = {
  name: 'rename', use: 'rename CONTAINER NEW_NAME', short: 'Rename a container',
  aliasesLine: 'docker container rename, docker rename',
  args: { kind: 'exact', n: 2 },
  flags: [

  ],
  run: renameRun
};
