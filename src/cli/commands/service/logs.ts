/** `docker service logs`: Fetch the logs of a service or task (flags and help as Docker 28.5 prints them). */
import { noTruncFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'logs',
  use: 'logs [OPTIONS] SERVICE|TASK',
  short: 'Fetch the logs of a service or task',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
    { long: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
    { long: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names in output' },
    { long: 'no-task-ids', type: 'bool', usage: 'Do not include task IDs in output' },
    noTruncFlag('Do not truncate output'),
    { long: 'raw', type: 'bool', usage: 'Do not neatly format logs' },
    { long: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { long: 'tail', short: 'n', type: 'string', usage: 'Number of lines to show from the end of the logs', default: 'all' },
    { long: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' }
  ],
  run: notSimulated
};
