/** `docker plugin install`: Install a plugin (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'install [OPTIONS] PLUGIN [KEY=VALUE...]', short: 'Install a plugin',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.install]
});
