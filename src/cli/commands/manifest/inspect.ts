/** `docker manifest inspect`: Display an image manifest, or manifest list (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'inspect [OPTIONS] [MANIFEST_LIST] MANIFEST', short: 'Display an image manifest, or manifest list',
  args: { kind: 'range', n: 1, m: 2 },
  flags: [...FLAGS.inspect]
});
