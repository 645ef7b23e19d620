/** `docker load [-i FILE] [-q]`: a save tar from a file or a redirected stdin into the daemon. */
import type { Handler } from '../framework/types';
import { CliError } from '../framework/types';
import { DaemonError } from '../daemon-api';
import { bool, daemonOf, str } from './common';
import { clientFs, readAll } from './credentials';

export const loadRun: Handler = async (ctx, _args, flags) => {
  const d = daemonOf(ctx);
  if (!d.imageLoad) throw new CliError('docker load: not simulated yet', 1);
  const input = str(flags, 'input');
  let bytes: Uint8Array;
  if (input) {
    try {
      bytes = clientFs(ctx).readFile(input);
    } catch {
      throw new CliError(`open ${input}: no such file or directory`, 1);
    }
  } else {
    if (ctx.io.stdinIsTTY) throw new CliError('requested load from stdin, but stdin is empty', 1);
    bytes = await readAll(ctx);
    if (!bytes.length) throw new CliError('requested load from stdin, but stdin is empty', 1);
  }
  let lines: string[];
  try {
    lines = await d.imageLoad(bytes);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(`Error response from daemon: ${e.message}`, 1);
    throw e;
  }
  if (!bool(flags, 'quiet')) await ctx.io.stdout.write(lines.map((l) => l + '\n').join(''));
  return 0;
};
