/** `docker manifest annotate`: Add additional information to a local image manifest (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'annotate [OPTIONS] MANIFEST_LIST MANIFEST', short: 'Add additional information to a local image manifest',
  args: { kind: 'exact', n: 2 },
  flags: [...FLAGS.annotate],
  run: notSimulated
});
