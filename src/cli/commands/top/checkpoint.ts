/** `docker checkpoint`: Manage checkpoints (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as create_ } from '../checkpoint/create';
import { spec as ls_ } from '../checkpoint/ls';
import { spec as rm_ } from '../checkpoint/rm';

export const spec = verb({
  use: 'checkpoint', short: 'Manage checkpoints',
  args: { kind: 'none' }, hidden: true,
  subcommands: [create_, ls_, rm_]
});
