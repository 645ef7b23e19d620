/** `docker system`: Manage Docker (flags and help as Docker 28.5 prints them). */
import { verb } from '../../framework/verb';
import { spec as df_ } from '../system/df';
import { spec as events_ } from '../system/events';
import { spec as info_ } from '../system/info';
import { spec as prune_ } from '../system/prune';

export const spec = verb({
  use: 'system', short: 'Manage Docker',
  args: { kind: 'none' },
  subcommands: [df_, events_, info_, prune_]
});
