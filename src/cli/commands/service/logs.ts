/** `docker service logs`: Fetch the logs of a service or task (flags and help as Docker 28.5 prints them). */
import { noTruncFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'logs [OPTIONS] SERVICE|TASK', short: 'Fetch the logs of a service or task',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.logs, noTruncFlag('Do not truncate output')]
});
