/** `docker network`: Manage networks (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as connect_ } from '../network/connect';
import { spec as create_ } from '../network/create';
import { spec as disconnect_ } from '../network/disconnect';
import { spec as inspect_ } from '../network/inspect';
import { spec as ls_ } from '../network/ls';
import { spec as prune_ } from '../network/prune';
import { spec as rm_ } from '../network/rm';

export const spec = verb({
  use: 'network', short: 'Manage networks',
  args: { kind: 'none' },
  subcommands: [connect_, create_, disconnect_, inspect_, ls_, prune_, rm_]
});
