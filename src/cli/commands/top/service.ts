/** `docker service`: Manage Swarm services (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as create_ } from '../service/create';
import { spec as inspect_ } from '../service/inspect';
import { spec as logs_ } from '../service/logs';
import { spec as ls_ } from '../service/ls';
import { spec as ps_ } from '../service/ps';
import { spec as rm_ } from '../service/rm';
import { spec as rollback_ } from '../service/rollback';
import { spec as scale_ } from '../service/scale';
import { spec as update_ } from '../service/update';

export const spec = verb({
  use: 'service', short: 'Manage Swarm services',
  args: { kind: 'none' }, swarm: true,
  subcommands: [create_, inspect_, logs_, ls_, ps_, rm_, rollback_, scale_, update_]
});
