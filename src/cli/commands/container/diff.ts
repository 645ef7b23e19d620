/** `docker container diff`: Inspect changes to files or directories on a container's filesystem (flags and help as Docker 28.5 prints them). */
import type { CommandSpec, Handler } from '../../framework/types';
import { call, daemonOf } from '../shared/common';

export const diffRun: Handler = async (ctx, args) => {
  const changes = await call(() => daemonOf(ctx).containerDiff(args[0]));
  const letter = ['C', 'A', 'D'];
  for (const c of changes) await ctx.io.stdout.write(`${letter[c.Kind]} ${c.Path}\n`);
  return 0;
};

export const spec: CommandSpec = {
  name: 'diff', use: 'diff CONTAINER', short: "Inspect changes to files or directories on a container's filesystem",
  aliasesLine: 'docker container diff, docker diff',
  args: { kind: 'exact', n: 1 },
  flags: [],
  run: diffRun
};
