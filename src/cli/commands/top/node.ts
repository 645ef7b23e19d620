/** `docker node`: Manage Swarm nodes (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as demote_ } from '../node/demote';
import { spec as inspect_ } from '../node/inspect';
import { spec as ls_ } from '../node/ls';
import { spec as promote_ } from '../node/promote';
import { spec as ps_ } from '../node/ps';
import { spec as rm_ } from '../node/rm';
import { spec as update_ } from '../node/update';

export const spec = verb({
  use: 'node', short: 'Manage Swarm nodes',
  args: { kind: 'none' }, swarm: true,
  subcommands: [demote_, inspect_, ls_, promote_, ps_, rm_, update_]
});
