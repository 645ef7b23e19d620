/** `docker stack ps`: List the tasks in the stack (flags and help as Docker 28.5 prints them). */
import { filterFlag, formatFlag, noTruncFlag, quietFlag } from '../../framework/common-flags';
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'ps [OPTIONS] STACK', short: 'List the tasks in the stack',
  args: { kind: 'exact', n: 1 },
  flags: [filterFlag(), formatFlag(), ...FLAGS.ps, noTruncFlag('Do not truncate output'), quietFlag('Only display task IDs')],
  run: notSimulated
});
