/** `docker config rm`: Remove one or more configs (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'rm CONFIG [CONFIG...]', short: 'Remove one or more configs',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 }
});
