/** `docker checkpoint create`: Create a checkpoint from a running container (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';
import FLAGS from './flags.json';

export const spec: CommandSpec = {
  name: 'create', use: 'create [OPTIONS] CONTAINER CHECKPOINT', short: 'Create a checkpoint from a running container',
  args: { kind: 'exact', n: 2 },
  flags: [...FLAGS.create],
  run: notSimulated
};
