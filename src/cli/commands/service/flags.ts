/**
 * The flags `docker service create` and `docker service update` share word for word, defined once
 * (docker/cli cli/command/service/opts.go addServiceFlags). The ones whose help differs stay in
 * create.ts and update.ts: create shows defaults ("(default 5s)"), update's list flags come in
 * -add/-rm pairs. Help sorts flags by name, so the order here does not show.
 */
import { quietFlag } from '../../framework/common-flags';
import type { FlagSpec } from '../../framework/types';

export const serviceFlags: FlagSpec[] = [
    { long: 'cap-add', type: 'list', usage: 'Add Linux capabilities' },
    { long: 'cap-drop', type: 'list', usage: 'Drop Linux capabilities' },
    { long: 'credential-spec', type: 'credential-spec', usage: 'Credential spec for managed service account (Windows only)' },
    { long: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the service to converge' },
    { long: 'entrypoint', type: 'command', usage: 'Overwrite the default ENTRYPOINT of the image' },
    { long: 'health-cmd', type: 'string', usage: 'Command to run to check health' },
    { long: 'health-interval', type: 'duration', usage: 'Time between running the check (ms|s|m|h)' },
    { long: 'health-retries', type: 'int', usage: 'Consecutive failures needed to report unhealthy', default: '0' },
    { long: 'health-start-interval', type: 'duration', usage: 'Time between running the check during the start period (ms|s|m|h)' },
    { long: 'health-start-period', type: 'duration', usage: 'Start period for the container to initialize before counting retries towards unstable (ms|s|m|h)' },
    { long: 'health-timeout', type: 'duration', usage: 'Maximum time to allow one check to run (ms|s|m|h)' },
    { long: 'hostname', type: 'string', usage: 'Container hostname' },
    { long: 'init', type: 'bool', usage: 'Use an init inside each service container to forward signals and reap processes' },
    { long: 'isolation', type: 'string', usage: 'Service container isolation mode' },
    { long: 'limit-cpu', type: 'decimal', usage: 'Limit CPUs' },
    { long: 'limit-memory', type: 'bytes', usage: 'Limit Memory', default: '0' },
    { long: 'limit-pids', type: 'int64', usage: 'Limit maximum number of processes (default 0 = unlimited)', default: '0' },
    { long: 'log-driver', type: 'string', usage: 'Logging driver for service' },
    { long: 'log-opt', type: 'list', usage: 'Logging driver options' },
    { long: 'max-concurrent', type: 'uint', usage: 'Number of job tasks to run concurrently (default equal to --replicas)' },
    { long: 'no-healthcheck', type: 'bool', usage: 'Disable any container-specified HEALTHCHECK' },
    { long: 'no-resolve-image', type: 'bool', usage: 'Do not query the registry to resolve image digest and supported platforms' },
    { long: 'oom-score-adj', type: 'int64', usage: "Tune host's OOM preferences (-1000 to 1000)", default: '0' },
    quietFlag("Suppress progress output"),
    { long: 'read-only', type: 'bool', usage: "Mount the container's root filesystem as read only" },
    { long: 'replicas', type: 'uint', usage: 'Number of tasks' },
    { long: 'replicas-max-per-node', type: 'uint64', usage: 'Maximum number of tasks per node (default 0 = unlimited)', default: '0' },
    { long: 'reserve-cpu', type: 'decimal', usage: 'Reserve CPUs' },
    { long: 'reserve-memory', type: 'bytes', usage: 'Reserve Memory', default: '0' },
    { long: 'restart-max-attempts', type: 'uint', usage: 'Maximum number of restarts before giving up' },
    { long: 'restart-window', type: 'duration', usage: 'Window used to evaluate the restart policy (ns|us|ms|s|m|h)' },
    { long: 'stop-signal', type: 'string', usage: 'Signal to stop the container' },
    { long: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
    { long: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: <name|uid>[:<group|gid>])' },
    { long: 'with-registry-auth', type: 'bool', usage: 'Send registry authentication details to swarm agents' },
    { long: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' }
];
