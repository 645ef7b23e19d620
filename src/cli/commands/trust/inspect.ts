/** `docker trust inspect`: Return low-level information about keys and signatures (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'inspect IMAGE[:TAG] [IMAGE[:TAG]...]', short: 'Return low-level information about keys and signatures',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.inspect]
});
