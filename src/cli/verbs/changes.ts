/** `docker diff` and `docker commit`. */
import type { Handler } from '../framework/types';
import { call, daemonOf, list, str } from './common';

export const diffRun: Handler = async (ctx, args) => {
  const changes = await call(() => daemonOf(ctx).containerDiff(args[0]));
  const letter = ['C', 'A', 'D'];
  for (const c of changes) await ctx.io.stdout.write(`${letter[c.Kind]} ${c.Path}\n`);
  return 0;
};

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
  return 0;
};
