/** `docker config`: Manage Swarm configs (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as create_ } from '../config/create';
import { spec as inspect_ } from '../config/inspect';
import { spec as ls_ } from '../config/ls';
import { spec as rm_ } from '../config/rm';

export const spec = verb({
  use: 'config', short: 'Manage Swarm configs',
  args: { kind: 'none' }, swarm: true,
  subcommands: [create_, inspect_, ls_, rm_]
});
