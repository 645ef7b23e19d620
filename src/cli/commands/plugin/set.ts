/** `docker plugin set`: Change settings for a plugin (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'set PLUGIN KEY=VALUE [KEY=VALUE...]', short: 'Change settings for a plugin',
  args: { kind: 'min', n: 2 },
  run: notSimulated
});
