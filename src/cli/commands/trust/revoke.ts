/** `docker trust revoke`: Remove trust for an image (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'revoke [OPTIONS] IMAGE[:TAG]', short: 'Remove trust for an image',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.revoke],
  run: notSimulated
});
