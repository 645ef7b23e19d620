/** `docker container rm`: Remove one or more containers (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonOf, eachArg } from '../shared/common';
import FLAGS from './flags.json';

export const rmRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  return eachArg(ctx, args, (name) => d.containerRemove(name, { force: bool(flags, 'force'), volumes: bool(flags, 'volumes') }));
};

export const spec = verb({
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]', short: 'Remove one or more containers',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  flags: [forceFlag('Force the removal of a running container (uses SIGKILL)'), ...FLAGS.rm],
  run: rmRun
});
