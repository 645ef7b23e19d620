/** `docker stack rm`: Remove one or more stacks (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'rm [OPTIONS] STACK [STACK...]', short: 'Remove one or more stacks',
  aliases: ['remove', 'down'],
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.rm]
});
