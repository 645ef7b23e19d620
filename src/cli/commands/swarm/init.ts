/** `docker swarm init`: Initialize a swarm (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'init',
  use: 'init [OPTIONS]',
  short: 'Initialize a swarm',
  args: { kind: 'none' },
  flags: [
    { long: 'advertise-addr', type: 'string', usage: 'Advertised address (format: "<ip|interface>[:port]")' },
    { long: 'autolock', type: 'bool', usage: 'Enable manager autolocking (requiring an unlock key to start a stopped manager)' },
    { long: 'availability', type: 'string', usage: 'Availability of the node ("active", "pause", "drain")', default: 'active' },
    { long: 'cert-expiry', type: 'duration', usage: 'Validity period for node certificates (ns|us|ms|s|m|h)', default: '2160h0m0s' },
    { long: 'data-path-addr', type: 'string', usage: 'Address or interface to use for data path traffic (format: "<ip|interface>")' },
    { long: 'data-path-port', type: 'uint32', usage: 'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.', default: '0' },
    { long: 'default-addr-pool', type: 'ipNetSlice', usage: 'default address pool in CIDR format' },
    { long: 'default-addr-pool-mask-length', type: 'uint32', usage: 'default address pool subnet mask length', default: '24' },
    { long: 'dispatcher-heartbeat', type: 'duration', usage: 'Dispatcher heartbeat period (ns|us|ms|s|m|h)', default: '5s' },
    { long: 'external-ca', type: 'external-ca', usage: 'Specifications of one or more certificate signing endpoints' },
    { long: 'force-new-cluster', type: 'bool', usage: 'Force create a new cluster from current state' },
    { long: 'listen-addr', type: 'node-addr', usage: 'Listen address (format: "<ip|interface>[:port]")', default: '0.0.0.0:2377' },
    { long: 'max-snapshots', type: 'uint64', usage: 'Number of additional Raft snapshots to retain', default: '0' },
    { long: 'snapshot-interval', type: 'uint64', usage: 'Number of log entries between Raft snapshots', default: '10000' },
    { long: 'task-history-limit', type: 'int64', usage: 'Task history retention limit', default: '5' }
  ],
  run: notSimulated
};
