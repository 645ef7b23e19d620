/** `docker swarm join`: Join a swarm as a node and/or manager (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'join [OPTIONS] HOST:PORT', short: 'Join a swarm as a node and/or manager',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.join]
});
