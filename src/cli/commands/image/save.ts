/** `docker image save`: Save one or more images to a tar archive (streamed to STDOUT by default) (flags and help as Docker 28.5 prints them). */
import { checkPlatform } from '../../framework/platform';
import { DaemonError } from '../../../api/daemon';
import { tarVirtualSize } from '../../../lib/tar';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { daemonOf, str } from '../shared/common';
import { clientFs } from '../shared/credentials';
import FLAGS from './flags.json';

export const saveRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  checkPlatform(flags, 'invalid platform: ');
  const output = str(flags, 'output');
  // docker-cli checks the terminal before asking the daemon for anything.
  if (!output && ctx.io.stdoutIsTTY) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect', 1);
  let tar: Uint8Array;
  try {
    tar = await d.imageSave(args);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(`Error response from daemon: ${e.message}`, 1);
    throw e;
  }
  // The file weighs what the images do (their bulk files are sized stand-ins inside the tar).
  if (output) clientFs(ctx).writeFile(output, tar, { size: tarVirtualSize(tar) });
  else await (ctx.io.stdout as { write(s: string | Uint8Array): Promise<void> }).write(tar);
  return 0;
};

export const spec = verb({
  use: 'save [OPTIONS] IMAGE [IMAGE...]', short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.save],
  run: saveRun
});
