/** `docker plugin enable`: Enable a plugin (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'enable [OPTIONS] PLUGIN', short: 'Enable a plugin',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.enable]
});
