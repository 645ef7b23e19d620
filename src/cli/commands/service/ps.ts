/** `docker service ps`: List the tasks of one or more services (flags and help as Docker 28.5 prints them). */
import { filterFlag, noTruncFlag, quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'ps [OPTIONS] SERVICE [SERVICE...]', short: 'List the tasks of one or more services',
  args: { kind: 'min', n: 1 },
  flags: [filterFlag(), ...FLAGS.ps, noTruncFlag('Do not truncate output'), quietFlag('Only display task IDs')]
});
