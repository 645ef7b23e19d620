/** `docker plugin set`: Change settings for a plugin (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'set PLUGIN KEY=VALUE [KEY=VALUE...]', short: 'Change settings for a plugin',
  args: { kind: 'min', n: 2 }
});
