/** `docker checkpoint`: Manage checkpoints (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { spec as create_ } from '../checkpoint/create';
import { spec as ls_ } from '../checkpoint/ls';
import { spec as rm_ } from '../checkpoint/rm';

export const spec: CommandSpec = {
  name: 'checkpoint', use: 'checkpoint', short: 'Manage checkpoints',
  args: { kind: 'none' }, hidden: true,
  flags: [],
  subcommands: [create_, ls_, rm_]
};
