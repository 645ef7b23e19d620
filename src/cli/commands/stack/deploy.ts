/** `docker stack deploy`: Deploy a new stack or update an existing stack (flags and help as Docker 28.5 prints them). */
import { quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'deploy [OPTIONS] STACK', short: 'Deploy a new stack or update an existing stack',
  aliases: ['up'],
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.deploy, quietFlag('Suppress progress output')]
});
