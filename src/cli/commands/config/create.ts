/** `docker config create`: Create a config from a file or STDIN (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'create [OPTIONS] CONFIG file|-', short: 'Create a config from a file or STDIN',
  args: { kind: 'exact', n: 2 },
  flags: [...FLAGS.create],
  run: notSimulated
});
