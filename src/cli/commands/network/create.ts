/** `docker network create`: Create a network (flags and help as Docker 28.5 prints them). */
import type { CommandSpec, Handler } from '../../framework/types';
import { list, str } from '../shared/common';
import { api, daemonCall } from './common';

export const networkCreateRun: Handler = async (ctx, args, flags) => {
  const labels = Object.fromEntries(list(flags, 'label').map((l) => [l.split('=')[0], l.split('=').slice(1).join('=')]));
  const r = await daemonCall(() => api(ctx).networkCreate(args[0], { driver: str(flags, 'driver') || 'bridge', subnet: list(flags, 'subnet')[0], gateway: list(flags, 'gateway')[0], labels }));
  await ctx.io.stdout.write(r.Id + '\n');
  return 0;
};

export const spec: CommandSpec = {
  name: 'create',
  use: 'create [OPTIONS] NETWORK',
  short: 'Create a network',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'attachable', type: 'bool', usage: 'Enable manual container attachment' },
    { long: 'aux-address', type: 'map', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver', default: 'map[]' },
    { long: 'config-from', type: 'string', usage: 'The network from which to copy the configuration' },
    { long: 'config-only', type: 'bool', usage: 'Create a configuration only network' },
    { long: 'driver', short: 'd', type: 'string', usage: 'Driver to manage the Network', default: 'bridge' },
    { long: 'gateway', type: 'stringSlice', usage: 'IPv4 or IPv6 Gateway for the master subnet' },
    { long: 'ingress', type: 'bool', usage: 'Create swarm routing-mesh network' },
    { long: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
    { long: 'ip-range', type: 'stringSlice', usage: 'Allocate container ip from a sub-range' },
    { long: 'ipam-driver', type: 'string', usage: 'IP Address Management Driver', default: 'default' },
    { long: 'ipam-opt', type: 'map', usage: 'Set IPAM driver specific options', default: 'map[]' },
    { long: 'ipv4', type: 'bool', usage: 'Enable or disable IPv4 address assignment', default: 'true' },
    { long: 'ipv6', type: 'bool', usage: 'Enable or disable IPv6 address assignment' },
    { long: 'label', type: 'list', usage: 'Set metadata on a network' },
    { long: 'opt', short: 'o', type: 'map', usage: 'Set driver specific options', default: 'map[]' },
    { long: 'scope', type: 'string', usage: "Control the network's scope" },
    { long: 'subnet', type: 'stringSlice', usage: 'Subnet in CIDR format that represents a network segment' }
  ],
  run: networkCreateRun
};
