/** `docker network connect`: Connect a container to a network (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { list, silentCall } from '../shared/common';
import { api } from './common';
import FLAGS from './flags.json';

export const networkConnectRun: Handler = (ctx, args, flags) => silentCall(() => api(ctx).networkConnect(args[0], args[1], list(flags, 'alias')));

export const spec = verb({
  use: 'connect [OPTIONS] NETWORK CONTAINER', short: 'Connect a container to a network',
  args: { kind: 'exact', n: 2 },
  flags: [...FLAGS.connect],
  run: networkConnectRun
});
