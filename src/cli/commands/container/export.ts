/** `docker container export`: Export a container's filesystem as a tar archive (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, daemonOf, str } from '../shared/common';
import { refuseTerminal, writeTar } from '../shared/local-fs';
import FLAGS from './flags.json';

export const exportRun: Handler = async (ctx, args, flags) => {
  const output = str(flags, 'output');
  refuseTerminal(ctx, output);
  await writeTar(ctx, output, await call(() => daemonOf(ctx).containerExport(args[0])));
};

export const spec = verb({
  use: 'export [OPTIONS] CONTAINER', short: "Export a container's filesystem as a tar archive",
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.export],
  run: exportRun
});
