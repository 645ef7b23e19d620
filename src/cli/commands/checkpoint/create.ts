/** `docker checkpoint create`: Create a checkpoint from a running container (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'create [OPTIONS] CONTAINER CHECKPOINT', short: 'Create a checkpoint from a running container',
  args: { kind: 'exact', n: 2 },
  flags: [...FLAGS.create]
});
