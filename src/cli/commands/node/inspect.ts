/** `docker node inspect`: Display detailed information on one or more nodes (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'inspect [OPTIONS] self|NODE [NODE...]', short: 'Display detailed information on one or more nodes',
  args: { kind: 'min', n: 1 },
  flags: [inspectFormatFlag(), ...FLAGS.inspect]
});
