/** `docker container commit`: Create a new image from a container's changes (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, daemonOf, list, str } from '../shared/common';
import FLAGS from './flags.json';

export const commitRun: Handler = async (ctx, args, flags) => {
  const r = await call(() =>
    daemonOf(ctx).containerCommit(args[0], {
      reference: args[1],
      author: str(flags, 'author') || undefined,
      message: str(flags, 'message') || undefined,
      changes: list(flags, 'change'),
    }),
  );
  await ctx.io.stdout.write(r.Id + '\n');
};

export const spec = verb({
  use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]', short: "Create a new image from a container's changes",
  args: { kind: 'range', n: 1, m: 2 },
  flags: [...FLAGS.commit],
  run: commitRun
});
