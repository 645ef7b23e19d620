/** `docker secret`: Manage Swarm secrets (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as create_ } from '../secret/create';
import { spec as inspect_ } from '../secret/inspect';
import { spec as ls_ } from '../secret/ls';
import { spec as rm_ } from '../secret/rm';

export const spec = verb({
  use: 'secret', short: 'Manage Swarm secrets',
  args: { kind: 'none' }, swarm: true,
  subcommands: [create_, inspect_, ls_, rm_]
});
