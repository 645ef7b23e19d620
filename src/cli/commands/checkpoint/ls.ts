/** `docker checkpoint ls`: List checkpoints for a container (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';
import FLAGS from './flags.json';

export const spec: CommandSpec = {
  name: 'ls', use: 'ls [OPTIONS] CONTAINER', short: 'List checkpoints for a container',
  aliases: ['list'], aliasesLine: 'docker checkpoint ls, docker checkpoint list',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.ls],
  run: notSimulated
};
