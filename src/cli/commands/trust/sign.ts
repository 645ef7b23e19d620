/** `docker trust sign`: Sign an image (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'sign IMAGE:TAG', short: 'Sign an image',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.sign]
});
