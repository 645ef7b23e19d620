/** `docker network rm`: Remove one or more networks (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import { DaemonError } from '../../../api/daemon';
import { CliError, type CommandSpec, type Handler } from '../../framework/types';
import { daemonMessage } from '../shared/common';
import { api } from './common';

export const networkRmRun: Handler = async (ctx, args) => {
  const errors: string[] = [];
  for (const ref of args) {
    try {
      await api(ctx).networkRemove(ref);
      await ctx.io.stdout.write(ref + '\n');
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
  use: 'rm NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  aliases: ['remove'],
  aliasesLine: 'docker network rm, docker network remove',
  args: { kind: 'min', n: 1 },
  flags: [
    forceFlag('Do not error if the network does not exist')
  ],
  run: networkRmRun
};
