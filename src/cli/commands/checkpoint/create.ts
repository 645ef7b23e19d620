/** `docker checkpoint create`: Create a checkpoint from a running container (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'create',
  use: 'create [OPTIONS] CONTAINER CHECKPOINT',
  short: 'Create a checkpoint from a running container',
  args: { kind: 'exact', n: 2 },
  flags: [
    { long: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory' },
    { long: 'leave-running', type: 'bool', usage: 'Leave the container running after checkpoint' }
  ],
  run: notSimulated
};
