/** `docker checkpoint rm`: Remove a checkpoint (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'rm',
  use: 'rm [OPTIONS] CONTAINER CHECKPOINT',
  short: 'Remove a checkpoint',
  aliases: ['remove'],
  aliasesLine: 'docker checkpoint rm, docker checkpoint remove',
  args: { kind: 'exact', n: 2 },
  flags: [
    { long: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory' }
  ],
  run: notSimulated
};
