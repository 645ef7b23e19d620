/** `docker swarm init`: Initialize a swarm (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'init [OPTIONS]', short: 'Initialize a swarm',
  args: { kind: 'none' },
  flags: [...FLAGS.init]
});
