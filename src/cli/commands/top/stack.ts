/** `docker stack`: Manage Swarm stacks (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as config_ } from '../stack/config';
import { spec as deploy_ } from '../stack/deploy';
import { spec as ls_ } from '../stack/ls';
import { spec as ps_ } from '../stack/ps';
import { spec as rm_ } from '../stack/rm';
import { spec as services_ } from '../stack/services';

export const spec = verb({
  use: 'stack [OPTIONS]', short: 'Manage Swarm stacks',
  args: { kind: 'none' }, swarm: true,
  subcommands: [config_, deploy_, ls_, ps_, rm_, services_]
});
