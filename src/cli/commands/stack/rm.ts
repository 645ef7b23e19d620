/** `docker stack rm`: Remove one or more stacks (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';
import FLAGS from './flags.json';

export const spec: CommandSpec = {
  name: 'rm', use: 'rm [OPTIONS] STACK [STACK...]', short: 'Remove one or more stacks',
  aliases: ['remove', 'down'], aliasesLine: 'docker stack rm, docker stack remove, docker stack down',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.rm],
  run: notSimulated
};
