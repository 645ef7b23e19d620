/** `docker container top`: Display the running processes of a container (flags and help as Docker 28.5 prints them). */
import { tabwrite } from '../../format/tabwriter';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, daemonOf } from '../shared/common';

export const topRun: Handler = async (ctx, args) => {
  const r = await call(() => daemonOf(ctx).containerTop(args[0], args.slice(1)));
  const rows = [r.Titles, ...r.Processes].map((cols) => cols.join('\t')).join('\n') + '\n';
  // top.go: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)
  await ctx.io.stdout.write(tabwrite(rows, { minwidth: 20, padding: 3 }));
};

export const spec = verb({
  use: 'top CONTAINER [ps OPTIONS]', short: 'Display the running processes of a container',
  interspersed: false, args: { kind: 'min', n: 1 },
  run: topRun
});
