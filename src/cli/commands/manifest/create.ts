/** `docker manifest create`: Create a local manifest list for annotating and pushing to a registry (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'create MANIFEST_LIST MANIFEST [MANIFEST...]', short: 'Create a local manifest list for annotating and pushing to a registry',
  args: { kind: 'min', n: 2 },
  flags: [...FLAGS.create]
});
