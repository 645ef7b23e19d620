/** `docker container diff`: Inspect changes to files or directories on a container's filesystem (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, daemonOf } from '../shared/common';

export const diffRun: Handler = async (ctx, args) => {
  const changes = await call(() => daemonOf(ctx).containerDiff(args[0]));
  const letter = ['C', 'A', 'D'];
  for (const c of changes) await ctx.io.stdout.write(`${letter[c.Kind]} ${c.Path}\n`);
};

export const spec = verb({
  use: 'diff CONTAINER', short: "Inspect changes to files or directories on a container's filesystem",
  args: { kind: 'exact', n: 1 },
  run: diffRun
});
