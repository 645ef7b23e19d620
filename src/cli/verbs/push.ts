/**
 * `docker push NAME[:TAG]`: the client adds `latest`, sends the stored user for the registry
 * (X-Registry-Auth) and prints the daemon's progress stream; errors inside that stream (denied,
 * no such local tag) print as they are, without `Error response from daemon:`.
 */
import { checkPlatform } from '../framework/platform';
import type { Handler } from '../framework/types';
import { CliError } from '../framework/types';
import { DaemonError, type PullProgress } from '../../api/daemon';
import { bool, daemonMessage, daemonOf } from './common';
import { userFor } from './credentials';

export const pushRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  if (!d.imagePush) throw new CliError('docker push: not simulated yet', 1);
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
  const lastPart = ref.slice(ref.lastIndexOf('/') + 1);
  if (!bool(flags, 'all-tags') && !lastPart.includes(':') && !ref.includes('@')) {
    if (!quiet) await ctx.io.stdout.write('Using default tag: latest\n');
    ref = `${ref}:latest`;
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
  return 0;
};
