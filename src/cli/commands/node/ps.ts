/** `docker node ps`: List tasks running on one or more nodes, defaults to current node (flags and help as Docker 28.5 prints them). */
import { filterFlag, noTruncFlag, quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'ps [OPTIONS] [NODE...]', short: 'List tasks running on one or more nodes, defaults to current node',
  args: { kind: 'min', n: 0 },
  flags: [filterFlag(), ...FLAGS.ps, noTruncFlag('Do not truncate output'), quietFlag('Only display task IDs')]
});
