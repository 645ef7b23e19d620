/** `docker save [-o FILE] IMAGE...`: the daemon's tar to a file or a redirected stdout. */
import { checkPlatform } from '../framework/platform';
import type { Handler } from '../framework/types';
import { CliError } from '../framework/types';
import { DaemonError } from '../../api/daemon';
import { daemonOf, str } from './common';
import { clientFs } from './credentials';
import { tarVirtualSize } from '../../lib/tar';

export const saveRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  if (!d.imageSave) throw new CliError('docker save: not simulated yet', 1);
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
