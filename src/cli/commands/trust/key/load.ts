/** `docker trust key load`: Load a private key file for signing (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'load [OPTIONS] KEYFILE', short: 'Load a private key file for signing',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.load]
});
