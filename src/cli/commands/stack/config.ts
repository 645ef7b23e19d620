/** `docker stack config`: Outputs the final config file, after doing merges and interpolations (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'config [OPTIONS]', short: 'Outputs the final config file, after doing merges and interpolations',
  args: { kind: 'none' },
  flags: [...FLAGS.config]
});
