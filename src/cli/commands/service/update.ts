/** `docker service update`: Update a service (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import { serviceFlags } from './create-update-flags';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'update [OPTIONS] SERVICE', short: 'Update a service',
  args: { kind: 'exact', n: 1 },
  flags: [...serviceFlags, ...FLAGS.update]
});
