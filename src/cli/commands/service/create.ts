/** `docker service create`: Create a new service (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import { serviceFlags } from './create-update-flags';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]', short: 'Create a new service',
  args: { kind: 'min', n: 1 },
  flags: [...serviceFlags, ...FLAGS.create]
});
