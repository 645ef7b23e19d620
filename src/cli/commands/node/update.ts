/** `docker node update`: Update a node (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'update [OPTIONS] NODE', short: 'Update a node',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.update]
});
