/** `docker volume update`: Update a volume (cluster volumes only) (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'update',
  use: 'update [OPTIONS] [VOLUME]',
  short: 'Update a volume (cluster volumes only)',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'availability', type: 'string', usage: 'Cluster Volume availability ("active", "pause", "drain")', default: 'active' }
  ],
  run: notSimulated
};
