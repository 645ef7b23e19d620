/** `docker secret`: Manage Swarm secrets (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { spec as create_ } from '../secret/create';
import { spec as inspect_ } from '../secret/inspect';
import { spec as ls_ } from '../secret/ls';
import { spec as rm_ } from '../secret/rm';

export const spec: CommandSpec = {
  name: 'secret', use: 'secret', short: 'Manage Swarm secrets',
  args: { kind: 'none' }, swarm: true,
  flags: [],
  subcommands: [create_, inspect_, ls_, rm_]
};
