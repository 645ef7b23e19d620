/** `docker config inspect`: Display detailed information on one or more configs (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'inspect [OPTIONS] CONFIG [CONFIG...]', short: 'Display detailed information on one or more configs',
  args: { kind: 'min', n: 1 },
  flags: [inspectFormatFlag(), ...FLAGS.inspect]
});
