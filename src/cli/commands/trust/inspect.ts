/** `docker trust inspect`: Return low-level information about keys and signatures (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'inspect IMAGE[:TAG] [IMAGE[:TAG]...]', short: 'Return low-level information about keys and signatures',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.inspect],
  run: notSimulated
});
