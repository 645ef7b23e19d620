/** `docker network create`: Create a network (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, keyValueMap, list, str } from '../shared/common';
import { api } from './common';
import FLAGS from './flags.json';

export const networkCreateRun: Handler = async (ctx, args, flags) => {
  const labels = keyValueMap(list(flags, 'label'));
  const r = await call(() => api(ctx).networkCreate(args[0], { driver: str(flags, 'driver') || 'bridge', subnet: list(flags, 'subnet')[0], gateway: list(flags, 'gateway')[0], labels }));
  await ctx.io.stdout.write(r.Id + '\n');
};

export const spec = verb({
  use: 'create [OPTIONS] NETWORK', short: 'Create a network',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.create],
  run: networkCreateRun
});
