/** `docker service create`: Create a new service (flags and help as Docker 28.5 prints them). */
import { serviceFlags } from './flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'create',
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new service',
  args: { kind: 'min', n: 1 },
  flags: [
    ...serviceFlags,
    { long: 'config', type: 'config', usage: 'Specify configurations to expose to the service' },
    { long: 'constraint', type: 'list', usage: 'Placement constraints' },
    { long: 'container-label', type: 'list', usage: 'Container labels' },
    { long: 'dns', type: 'list', usage: 'Set custom DNS servers' },
    { long: 'dns-option', type: 'list', usage: 'Set DNS options' },
    { long: 'dns-search', type: 'list', usage: 'Set custom DNS search domains' },
    { long: 'endpoint-mode', type: 'string', usage: 'Endpoint mode (vip or dnsrr)', default: 'vip' },
    { long: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
    { long: 'env-file', type: 'list', usage: 'Read in a file of environment variables' },
    { long: 'generic-resource', type: 'list', usage: 'User defined resources' },
    { long: 'group', type: 'list', usage: 'Set one or more supplementary user groups for the container' },
    { long: 'host', type: 'list', usage: 'Set one or more custom host-to-IP mappings (host:ip)' },
    { long: 'label', short: 'l', type: 'list', usage: 'Service labels' },
    { long: 'mode', type: 'string', usage: 'Service mode ("replicated", "global", "replicated-job", "global-job")', default: 'replicated' },
    { long: 'mount', type: 'mount', usage: 'Attach a filesystem mount to the service' },
    { long: 'name', type: 'string', usage: 'Service name' },
    { long: 'network', type: 'network', usage: 'Network attachments' },
    { long: 'placement-pref', type: 'pref', usage: 'Add a placement preference' },
    { long: 'publish', short: 'p', type: 'port', usage: 'Publish a port as a node port' },
    { long: 'restart-condition', type: 'string', usage: 'Restart when condition is met ("none", "on-failure", "any") (default "any")' },
    { long: 'restart-delay', type: 'duration', usage: 'Delay between restart attempts (ns|us|ms|s|m|h) (default 5s)' },
    { long: 'rollback-delay', type: 'duration', usage: 'Delay between task rollbacks (ns|us|ms|s|m|h) (default 0s)', default: '0s' },
    { long: 'rollback-failure-action', type: 'string', usage: 'Action on rollback failure ("pause", "continue") (default "pause")' },
    { long: 'rollback-max-failure-ratio', type: 'float', usage: 'Failure rate to tolerate during a rollback (default 0)', default: '0' },
    { long: 'rollback-monitor', type: 'duration', usage: 'Duration after each task rollback to monitor for failure (ns|us|ms|s|m|h) (default 5s)', default: '0s' },
    { long: 'rollback-order', type: 'string', usage: 'Rollback order ("start-first", "stop-first") (default "stop-first")' },
    { long: 'rollback-parallelism', type: 'uint64', usage: 'Maximum number of tasks rolled back simultaneously (0 to roll back all at once)', default: '1' },
    { long: 'secret', type: 'secret', usage: 'Specify secrets to expose to the service' },
    { long: 'stop-grace-period', type: 'duration', usage: 'Time to wait before force killing a container (ns|us|ms|s|m|h) (default 10s)' },
    { long: 'sysctl', type: 'list', usage: 'Sysctl options' },
    { long: 'ulimit', type: 'ulimit', usage: 'Ulimit options' },
    { long: 'update-delay', type: 'duration', usage: 'Delay between updates (ns|us|ms|s|m|h) (default 0s)', default: '0s' },
    { long: 'update-failure-action', type: 'string', usage: 'Action on update failure ("pause", "continue", "rollback") (default "pause")' },
    { long: 'update-max-failure-ratio', type: 'float', usage: 'Failure rate to tolerate during an update (default 0)', default: '0' },
    { long: 'update-monitor', type: 'duration', usage: 'Duration after each task update to monitor for failure (ns|us|ms|s|m|h) (default 5s)', default: '0s' },
    { long: 'update-order', type: 'string', usage: 'Update order ("start-first", "stop-first") (default "stop-first")' },
    { long: 'update-parallelism', type: 'uint64', usage: 'Maximum number of tasks updated simultaneously (0 to update all at once)', default: '1' }
  ],
  run: notSimulated
};
