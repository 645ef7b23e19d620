/** `docker trust key load`: Load a private key file for signing (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../../framework/not-simulated';
import { verb } from '../../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'load [OPTIONS] KEYFILE', short: 'Load a private key file for signing',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.load],
  run: notSimulated
});
