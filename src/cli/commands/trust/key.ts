/** `docker trust key`: Manage keys for signing Docker images (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { spec as generate_ } from './key/generate';
import { spec as load_ } from './key/load';

export const spec: CommandSpec = {
  name: 'key', use: 'key', short: 'Manage keys for signing Docker images',
  args: { kind: 'none' },
  flags: [],
  subcommands: [generate_, load_]
};
