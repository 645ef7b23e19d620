/** `docker checkpoint rm`: Remove a checkpoint (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'rm [OPTIONS] CONTAINER CHECKPOINT', short: 'Remove a checkpoint',
  aliases: ['remove'],
  args: { kind: 'exact', n: 2 },
  flags: [...FLAGS.rm]
});
