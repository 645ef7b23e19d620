/** `docker network connect`: Connect a container to a network (flags and help as Docker 28.5 prints them). */
import type { CommandSpec, Handler } from '../../framework/types';
import { list } from '../shared/common';
import { api, daemonCall } from './common';

export const networkConnectRun: Handler = async (ctx, args, flags) => {
  await daemonCall(() => api(ctx).networkConnect(args[0], args[1], list(flags, 'alias')));
  return 0;
};

export const spec: CommandSpec = {
  name: 'connect',
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: { kind: 'exact', n: 2 },
  flags: [
    { long: 'alias', type: 'stringSlice', usage: 'Add network-scoped alias for the container' },
    { long: 'driver-opt', type: 'stringSlice', usage: 'driver options for the network' },
    { long: 'gw-priority', type: 'int', usage: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.', default: '0' },
    { long: 'ip', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
    { long: 'ip6', type: 'string', usage: 'IPv6 address (e.g., "2001:db8::33")' },
    { long: 'link', type: 'list', usage: 'Add link to another container' },
    { long: 'link-local-ip', type: 'stringSlice', usage: 'Add a link-local address for the container' }
  ],
  run: networkConnectRun
};
