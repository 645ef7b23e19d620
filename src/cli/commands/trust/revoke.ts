/** `docker trust revoke`: Remove trust for an image (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'revoke [OPTIONS] IMAGE[:TAG]', short: 'Remove trust for an image',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.revoke]
});
