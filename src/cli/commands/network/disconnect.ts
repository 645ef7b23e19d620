/** `docker network disconnect`: Disconnect a container from a network (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, silentCall } from '../shared/common';
import { api } from './common';

export const networkDisconnectRun: Handler = (ctx, args) => silentCall(() => api(ctx).networkDisconnect(args[0], args[1]));

export const spec = verb({
  use: 'disconnect [OPTIONS] NETWORK CONTAINER', short: 'Disconnect a container from a network',
  args: { kind: 'exact', n: 2 },
  flags: [forceFlag('Force the container to disconnect from a network')],
  run: networkDisconnectRun
});
