/** `docker volume update`: Update a volume (cluster volumes only) (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'update [OPTIONS] [VOLUME]', short: 'Update a volume (cluster volumes only)',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.update]
});
