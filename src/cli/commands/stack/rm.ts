/** `docker stack rm`: Remove one or more stacks (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'rm [OPTIONS] STACK [STACK...]', short: 'Remove one or more stacks',
  aliases: ['remove', 'down'],
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.rm],
  run: notSimulated
});
