/** `docker trust signer`: Manage entities who can sign Docker images (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { spec as add_ } from './signer/add';
import { spec as remove_ } from './signer/remove';

export const spec: CommandSpec = {
  name: 'signer', use: 'signer', short: 'Manage entities who can sign Docker images',
  args: { kind: 'none' },
  flags: [],
  subcommands: [add_, remove_]
};
