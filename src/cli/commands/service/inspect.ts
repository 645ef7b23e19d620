/** `docker service inspect`: Display detailed information on one or more services (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'inspect [OPTIONS] SERVICE [SERVICE...]', short: 'Display detailed information on one or more services',
  args: { kind: 'min', n: 1 },
  flags: [inspectFormatFlag(), ...FLAGS.inspect]
});
