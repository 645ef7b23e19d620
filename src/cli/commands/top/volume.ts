/** `docker volume`: Manage volumes (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as create_ } from '../volume/create';
import { spec as inspect_ } from '../volume/inspect';
import { spec as ls_ } from '../volume/ls';
import { spec as prune_ } from '../volume/prune';
import { spec as rm_ } from '../volume/rm';
import { spec as update_ } from '../volume/update';

export const spec = verb({
  use: 'volume COMMAND', short: 'Manage volumes',
  args: { kind: 'none' },
  subcommands: [create_, inspect_, ls_, prune_, rm_, update_]
});
