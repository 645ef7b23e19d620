/** `docker swarm`: Manage Swarm (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as ca_ } from '../swarm/ca';
import { spec as init_ } from '../swarm/init';
import { spec as join_ } from '../swarm/join';
import { spec as join_token_ } from '../swarm/join-token';
import { spec as leave_ } from '../swarm/leave';
import { spec as unlock_ } from '../swarm/unlock';
import { spec as unlock_key_ } from '../swarm/unlock-key';
import { spec as update_ } from '../swarm/update';

export const spec = verb({
  use: 'swarm', short: 'Manage Swarm',
  args: { kind: 'none' }, swarm: true,
  subcommands: [ca_, init_, join_, join_token_, leave_, unlock_, unlock_key_, update_]
});
