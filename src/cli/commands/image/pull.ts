/** `docker image pull`: Download an image from a registry (flags and help as Docker 28.5 prints them). */
import { fullName, parseReference } from '../../../lib/reference';
import { quietFlag } from '../../framework/common-flags';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, call, daemonOf, str } from '../shared/common';
import { pullImage, withDefaultTag } from '../shared/pull-image';
import FLAGS from './flags.json';

export const pullRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const quiet = bool(flags, 'quiet');
  let ref = args[0];
  try {
    parseReference(ref);
  } catch (e) {
    throw new CliError((e as Error).message, 1);
  }
  const t = withDefaultTag(ref);
  if (t.defaulted && !quiet) await ctx.io.stdout.write('Using default tag: latest\n');
  ref = t.ref;
  await call(() => pullImage(d, ref, (s) => ctx.io.stdout.write(s), { quiet, platform: str(flags, 'platform') || undefined }));
  await ctx.io.stdout.write(fullName(parseReference(ref)) + (ref.includes('@') ? '@' + ref.split('@')[1] : ':' + ref.slice(ref.lastIndexOf(':') + 1)) + '\n');
};

export const spec = verb({
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]', short: 'Download an image from a registry',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.pull, quietFlag('Suppress verbose output')],
  run: pullRun
});
