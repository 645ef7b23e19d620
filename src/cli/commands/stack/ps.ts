/** `docker stack ps`: List the tasks in the stack (flags and help as Docker 28.5 prints them). */
import { filterFlag, formatFlag, noTruncFlag, quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'ps [OPTIONS] STACK', short: 'List the tasks in the stack',
  args: { kind: 'exact', n: 1 },
  flags: [filterFlag(), formatFlag(), ...FLAGS.ps, noTruncFlag('Do not truncate output'), quietFlag('Only display task IDs')]
});
