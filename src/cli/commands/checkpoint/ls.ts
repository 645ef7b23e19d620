/** `docker checkpoint ls`: List checkpoints for a container (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'ls',
  use: 'ls [OPTIONS] CONTAINER',
  short: 'List checkpoints for a container',
  aliases: ['list'],
  aliasesLine: 'docker checkpoint ls, docker checkpoint list',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory' }
  ],
  run: notSimulated
};
