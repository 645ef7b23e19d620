/** `docker manifest annotate`: Add additional information to a local image manifest (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'annotate [OPTIONS] MANIFEST_LIST MANIFEST', short: 'Add additional information to a local image manifest',
  args: { kind: 'exact', n: 2 },
  flags: [...FLAGS.annotate]
});
