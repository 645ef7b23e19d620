/** `docker trust key generate`: Generate and load a signing key-pair (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'generate NAME', short: 'Generate and load a signing key-pair',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.generate]
});
