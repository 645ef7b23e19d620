/** `docker container start`: Start one or more stopped containers (flags and help as Docker 28.5 prints them). */
import { DaemonError } from '../../../api/daemon';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonMessage, daemonOf, str } from '../shared/common';
import { attachAndWait, statusFor } from './common';
import FLAGS from './flags.json';

export const startRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const attach = bool(flags, 'attach') || bool(flags, 'interactive');
  if (attach) {
    if (args.length > 1) throw new CliError('you cannot start and attach multiple containers at once', 1);
    const id = args[0];
    return attachAndWait(ctx, d, id, {
      stdin: bool(flags, 'interactive'),
      detachKeys: str(flags, 'detach-keys') || undefined,
      start: async () => {
        try {
          await d.containerStart(id);
        } catch (e) {
          throw new CliError(daemonMessage(e), statusFor(daemonMessage(e)));
        }
      },
    });
  }
  const failed: string[] = [];
  const errors: string[] = [];
  for (const name of args) {
    try {
      await d.containerStart(name);
      await ctx.io.stdout.write(name + '\n');
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(daemonMessage(e));
      failed.push(name);
    }
  }
  if (errors.length) throw new CliError(`${errors.join('\n')}\nError: failed to start containers: ${failed.join(', ')}`, 1);
};

export const spec = verb({
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]', short: 'Start one or more stopped containers',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.start],
  run: startRun
});
