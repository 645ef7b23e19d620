/** `docker checkpoint rm`: Remove a checkpoint (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';
import FLAGS from './flags.json';

export const spec: CommandSpec = {
  name: 'rm', use: 'rm [OPTIONS] CONTAINER CHECKPOINT', short: 'Remove a checkpoint',
  aliases: ['remove'], aliasesLine: 'docker checkpoint rm, docker checkpoint remove',
  args: { kind: 'exact', n: 2 },
  flags: [...FLAGS.rm],
  run: notSimulated
};
