/** `docker manifest push`: Push a manifest list to a repository (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'push [OPTIONS] MANIFEST_LIST', short: 'Push a manifest list to a repository',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.push]
});
