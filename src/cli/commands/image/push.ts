/** `docker image push`: Upload an image to a registry (flags and help as Docker 28.5 prints them). */
import { checkPlatform } from '../../framework/platform';
import { DaemonError, type PullProgress } from '../../../api/daemon';
import { quietFlag } from '../../framework/common-flags';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonMessage, daemonOf } from '../shared/common';
import { userFor } from '../shared/credentials';
import { withDefaultTag } from '../shared/pull-image';
import FLAGS from './flags.json';

export const pushRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  checkPlatform(flags, `Invalid platform ${flags.platform}`);
  const quiet = bool(flags, 'quiet');
  // Once the daemon has started its JSON stream, an error arrives inside it and prints bare.
  let streaming = false;
  const show = async (p: PullProgress) => {
    streaming = true;
    if (quiet || p.status === 'Pushing') return;
    await ctx.io.stdout.write(p.id ? `${p.id}: ${p.status}\n` : p.status + '\n');
  };
  let ref = args[0];
  if (!bool(flags, 'all-tags')) {
    const t = withDefaultTag(ref);
    if (t.defaulted && !quiet) await ctx.io.stdout.write('Using default tag: latest\n');
    ref = t.ref;
  }
  try {
    await d.imagePush(ref, { username: userFor(ctx, ref), onProgress: show });
  } catch (e) {
    if (e instanceof DaemonError) {
      if (streaming) throw new CliError(e.message, 1);
      throw new CliError(daemonMessage(e), 1);
    }
    throw e;
  }
  if (quiet) await ctx.io.stdout.write(args[0] + '\n');
};

export const spec = verb({
  use: 'push [OPTIONS] NAME[:TAG]', short: 'Upload an image to a registry',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.push, quietFlag('Suppress verbose output')],
  run: pushRun
});
