/** `docker export` and `docker import`: a container's filesystem out as a tar, a tar in as an image. */
import { CliError, type Handler } from '../framework/types';
import { DaemonError } from '../../api/daemon';
import type { Fs } from '../../api/fs';
import { readAllBytes } from '../../lib/read-stream';
import { tarVirtualSize } from '../../lib/tar';
import { daemonMessage, daemonOf, list, str } from './common';

function localFs(io: unknown): Fs {
  const fs = (io as { fs?: Fs }).fs;
  if (!fs) throw new CliError('no local filesystem', 1);
  return fs;
}

/** Write bytes to the client's stdout unchanged (binary archives must not be re-encoded). */
function writeBytes(io: { stdout: { write(s: string): Promise<void> } }, data: Uint8Array): Promise<void> {
  return (io.stdout as unknown as { write(b: Uint8Array): Promise<void> }).write(data);
}

export const exportRun: Handler = async (ctx, args, flags) => {
  const out = str(flags, 'output');
  if (!out && ctx.io.stdoutIsTTY) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect', 1);
  let tar: Uint8Array;
  try {
    tar = await daemonOf(ctx).containerExport(args[0]);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  // The file weighs what the container's filesystem does (bulk files are sized stand-ins).
  if (out) localFs(ctx.io).writeFile(out, tar, { size: tarVirtualSize(tar) });
  else await writeBytes(ctx.io, tar);
  return 0;
};

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
  try {
    const id = await daemonOf(ctx).imageImport(tar, { source: source === '-' ? '-' : source, reference, message: str(flags, 'message') || undefined, changes: list(flags, 'change'), platform: str(flags, 'platform') || undefined });
    await ctx.io.stdout.write(id + '\n');
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  return 0;
};
