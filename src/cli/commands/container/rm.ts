/** `docker container rm`: Remove one or more containers (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import { DaemonError } from '../../../api/daemon';
import { CliError, type CommandSpec, type Handler } from '../../framework/types';
import { bool, daemonMessage, daemonOf } from '../shared/common';

export const rmRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const errors: string[] = [];
  for (const name of args) {
    try {
      await d.containerRemove(name, { force: bool(flags, 'force'), volumes: bool(flags, 'volumes') });
      await ctx.io.stdout.write(name + '\n');
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
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  aliases: ['remove'],
  aliasesLine: 'docker container rm, docker container remove, docker rm',
  args: { kind: 'min', n: 1 },
  flags: [
    forceFlag('Force the removal of a running container (uses SIGKILL)'),
    { long: 'link', short: 'l', type: 'bool', usage: 'Remove the specified link' },
    { long: 'volumes', short: 'v', type: 'bool', usage: 'Remove anonymous volumes associated with the container' }
  ],
  run: rmRun
};
