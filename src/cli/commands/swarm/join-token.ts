/** `docker swarm join-token`: Manage join tokens (flags and help as Docker 28.5 prints them). */
import { quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'join-token [OPTIONS] (worker|manager)', short: 'Manage join tokens',
  args: { kind: 'exact', n: 1 },
  flags: [quietFlag('Only display token'), ...FLAGS['join-token']]
});
