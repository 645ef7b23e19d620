/** `docker config create`: Create a config from a file or STDIN (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'create [OPTIONS] CONFIG file|-', short: 'Create a config from a file or STDIN',
  args: { kind: 'exact', n: 2 },
  flags: [...FLAGS.create]
});
