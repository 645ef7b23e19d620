/** The client's own filesystem (the shell's), for verbs that read or write files on the client side: `export -o`, `save -o`, `import FILE`. */
import type { Fs } from '../../../api/fs';
import { tarVirtualSize } from '../../../lib/tar';
import { CliError, type CliIo, type RunContext } from '../../framework/types';

export function localFs(io: CliIo): Fs {
  const fs = io.fs;
  if (!fs) throw new CliError('no local filesystem', 1);
  return fs;
}

/** `docker save` and `docker export` write a tar to `-o FILE` or to stdout, never to a terminal (docker-cli checks before asking the daemon for anything). */
export function refuseTerminal(ctx: RunContext, output: string): void {
  if (!output && ctx.io.stdoutIsTTY) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect', 1);
}

/** The tar to `-o FILE`, else to stdout unchanged (binary archives must not be re-encoded). */
export async function writeTar(ctx: RunContext, output: string, tar: Uint8Array): Promise<void> {
  // The file weighs what the archive's contents do (bulk files are sized stand-ins inside the tar).
  if (output) localFs(ctx.io).writeFile(output, tar, { size: tarVirtualSize(tar) });
  else await (ctx.io.stdout as { write(s: string | Uint8Array): Promise<void> }).write(tar);
}
