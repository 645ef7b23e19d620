/** `docker image rm`: Remove one or more images (flags and help as Docker 28.5 prints them). */
import { checkPlatform } from '../../framework/platform';
import { DaemonError } from '../../../api/daemon';
import { forceFlag } from '../../framework/common-flags';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonMessage, daemonOf } from '../shared/common';
import FLAGS from './flags.json';

export const rmiRun: Handler = async (ctx, args, flags) => {
  checkPlatform(flags);
  const d = daemonOf(ctx);
  const errors: string[] = [];
  for (const ref of args) {
    try {
      const items = await d.imageRemove(ref, { force: bool(flags, 'force'), noPrune: bool(flags, 'no-prune') });
      for (const it of items) await ctx.io.stdout.write(it.Untagged ? `Untagged: ${it.Untagged}\n` : `Deleted: ${it.Deleted}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(daemonMessage(e));
    }
  }
  if (errors.length) throw new CliError(errors.join('\n'), 1);
};

export const spec = verb({
  use: 'rm [OPTIONS] IMAGE [IMAGE...]', short: 'Remove one or more images',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  flags: [forceFlag('Force removal of the image'), ...FLAGS.rm],
  run: rmiRun
});
