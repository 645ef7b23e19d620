/** `docker node update`: Update a node (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';
import FLAGS from './flags.json';

export const spec: CommandSpec = {
  name: 'update', use: 'update [OPTIONS] NODE', short: 'Update a node',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.update],
  run: notSimulated
};
