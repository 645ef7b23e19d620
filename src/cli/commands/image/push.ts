/** `docker image push`: Upload an image to a registry (flags and help as Docker 28.5 prints them). */
import { quietFlag } from '../../framework/common-flags';
import { DaemonError, type PullProgress } from '../../../api/daemon';
import { CliError, type CommandSpec, type Handler } from '../../framework/types';
import { bool, daemonMessage, daemonOf } from '../shared/common';
import { userFor } from '../shared/credentials';

export const pushRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  if (!d.imagePush) throw new CliError('docker push: not simulated yet', 1);
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

export const spec: CommandSpec = {
  name: 'push',
  use: 'push [OPTIONS] NAME[:TAG]',
  short: 'Upload an image to a registry',
  aliasesLine: 'docker image push, docker push',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'all-tags', short: 'a', type: 'bool', usage: 'Push all tags of an image to the repository' },
    { long: 'disable-content-trust', type: 'bool', usage: 'Skip image signing', default: 'true' },
    { long: 'platform', type: 'string', usage: "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)" },
    quietFlag('Suppress verbose output')
  ],
  run: pushRun
};
