/** `docker service update`: Update a service (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import { serviceFlags } from './create-update-flags';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'update [OPTIONS] SERVICE', short: 'Update a service',
  args: { kind: 'exact', n: 1 },
  flags: [...serviceFlags, ...FLAGS.update],
  run: notSimulated
});
