/** `docker plugin upgrade`: Upgrade an existing plugin (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'upgrade [OPTIONS] PLUGIN [REMOTE]', short: 'Upgrade an existing plugin',
  args: { kind: 'range', n: 1, m: 2 },
  flags: [...FLAGS.upgrade]
});
