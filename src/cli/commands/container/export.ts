/** `docker container export`: Export a container's filesystem as a tar archive (flags and help as Docker 28.5 prints them). */
import { tarVirtualSize } from '../../../lib/tar';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, daemonOf, str } from '../shared/common';
import { localFs } from '../shared/local-fs';
import FLAGS from './flags.json';

/** Write bytes to the client's stdout unchanged (binary archives must not be re-encoded). */
function writeBytes(io: { stdout: { write(s: string): Promise<void> } }, data: Uint8Array): Promise<void> {
  return (io.stdout as unknown as { write(b: Uint8Array): Promise<void> }).write(data);
}

export const exportRun: Handler = async (ctx, args, flags) => {
  const out = str(flags, 'output');
  if (!out && ctx.io.stdoutIsTTY) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect', 1);
  const tar: Uint8Array = await call(() => daemonOf(ctx).containerExport(args[0]));
  // The file weighs what the container's filesystem does (bulk files are sized stand-ins).
  if (out) localFs(ctx.io).writeFile(out, tar, { size: tarVirtualSize(tar) });
  else await writeBytes(ctx.io, tar);
  return 0;
};

export const spec = verb({
  use: 'export [OPTIONS] CONTAINER', short: "Export a container's filesystem as a tar archive",
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.export],
  run: exportRun
});
