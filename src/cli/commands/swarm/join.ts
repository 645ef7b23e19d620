/** `docker swarm join`: Join a swarm as a node and/or manager (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'join',
  use: 'join [OPTIONS] HOST:PORT',
  short: 'Join a swarm as a node and/or manager',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'advertise-addr', type: 'string', usage: 'Advertised address (format: "<ip|interface>[:port]")' },
    { long: 'availability', type: 'string', usage: 'Availability of the node ("active", "pause", "drain")', default: 'active' },
    { long: 'data-path-addr', type: 'string', usage: 'Address or interface to use for data path traffic (format: "<ip|interface>")' },
    { long: 'listen-addr', type: 'node-addr', usage: 'Listen address (format: "<ip|interface>[:port]")', default: '0.0.0.0:2377' },
    { long: 'token', type: 'string', usage: 'Token for entry into the swarm' }
  ],
  run: notSimulated
};
