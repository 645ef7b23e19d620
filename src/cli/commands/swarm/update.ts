/** `docker swarm update`: Update the swarm (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'update',
  use: 'update [OPTIONS]',
  short: 'Update the swarm',
  args: { kind: 'none' },
  flags: [
    { long: 'autolock', type: 'bool', usage: 'Change manager autolocking setting (true|false)' },
    { long: 'cert-expiry', type: 'duration', usage: 'Validity period for node certificates (ns|us|ms|s|m|h)', default: '2160h0m0s' },
    { long: 'dispatcher-heartbeat', type: 'duration', usage: 'Dispatcher heartbeat period (ns|us|ms|s|m|h)', default: '5s' },
    { long: 'external-ca', type: 'external-ca', usage: 'Specifications of one or more certificate signing endpoints' },
    { long: 'max-snapshots', type: 'uint64', usage: 'Number of additional Raft snapshots to retain', default: '0' },
    { long: 'snapshot-interval', type: 'uint64', usage: 'Number of log entries between Raft snapshots', default: '10000' },
    { long: 'task-history-limit', type: 'int64', usage: 'Task history retention limit', default: '5' }
  ],
  run: notSimulated
};
