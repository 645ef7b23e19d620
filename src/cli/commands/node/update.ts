/** `docker node update`: Update a node (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'update',
  use: 'update [OPTIONS] NODE',
  short: 'Update a node',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'availability', type: 'string', usage: 'Availability of the node ("active", "pause", "drain")' },
    { long: 'label-add', type: 'list', usage: 'Add or update a node label ("key=value")' },
    { long: 'label-rm', type: 'list', usage: 'Remove a node label if exists' },
    { long: 'role', type: 'string', usage: 'Role of the node ("worker", "manager")' }
  ],
  run: notSimulated
};
