/** `docker swarm update`: Update the swarm (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'update [OPTIONS]', short: 'Update the swarm',
  args: { kind: 'none' },
  flags: [...FLAGS.update]
});
