/** `docker volume rm`: Remove one or more volumes. You cannot remove a volume that is in use by a container. (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import { DaemonError } from '../../../api/daemon';
import { CliError, type CommandSpec, type Handler } from '../../framework/types';
import { bool, daemonMessage } from '../shared/common';
import { api } from './common';

export const volumeRmRun: Handler = async (ctx, args, flags) => {
  const errors: string[] = [];
  for (const name of args) {
    try {
      await api(ctx).volumeRemove(name, bool(flags, 'force'));
      await ctx.io.stdout.write(`${name}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(daemonMessage(e));
    }
  }
  if (errors.length) throw new CliError(errors.join('\n'), 1);
  return 0;
};

export const spec: CommandSpec = {
  name: 'rm',
  use: 'rm [OPTIONS] VOLUME [VOLUME...]',
  short: 'Remove one or more volumes',
  long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
  aliases: ['remove'],
  aliasesLine: 'docker volume rm, docker volume remove',
  args: { kind: 'min', n: 1 },
  flags: [
    forceFlag('Force the removal of one or more volumes')
  ],
  run: volumeRmRun
};
