/** `docker container create`: Create a new container (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonOf } from '../shared/common';
import { createWithPull } from './common';
import { createBody } from './create-body';
import { containerFlags } from './create-run-flags';
import FLAGS from './flags.json';

export const createRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const id = await createWithPull(ctx, d, createBody(ctx, args, flags), 'create', bool(flags, 'quiet'));
  await ctx.io.stdout.write(id + '\n');
};

export const spec = verb({
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]', short: 'Create a new container',
  args: { kind: 'min', n: 1 }, interspersed: false,
  // flags.json `create` is its --pull, whose help really has a stray "|" before missing in docker/cli's create.go.
  flags: [...containerFlags, ...FLAGS.create],
  run: createRun
});
