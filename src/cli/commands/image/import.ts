/** `docker image import`: Import the contents from a tarball to create a filesystem image (flags and help as Docker 28.5 prints them). */
import { readAllBytes } from '../../../lib/read-stream';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, daemonOf, list, str } from '../shared/common';
import { localFs } from '../shared/local-fs';
import FLAGS from './flags.json';

export const importRun: Handler = async (ctx, args, flags) => {
  const [source, reference] = args;
  let tar: Uint8Array;
  if (source === '-') tar = await readAllBytes(ctx.io.stdin);
  else if (/^https?:\/\//.test(source)) throw new CliError(`Error response from daemon: Get "${source}": dial tcp: lookup ${new URL(source).hostname}: no such host`, 1);
  else {
    try {
      tar = localFs(ctx.io).readFile(source);
    } catch (e) {
      throw new CliError(`open ${localFs(ctx.io).resolve(source)}: ${(e as Error).message.toLowerCase()}`, 1);
    }
  }
  const id = await call(() => daemonOf(ctx).imageImport(tar, { source: source === '-' ? '-' : source, reference, message: str(flags, 'message') || undefined, changes: list(flags, 'change'), platform: str(flags, 'platform') || undefined }));
  await ctx.io.stdout.write(id + '\n');
};

export const spec = verb({
  use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]', short: 'Import the contents from a tarball to create a filesystem image',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.import],
  run: importRun
});
