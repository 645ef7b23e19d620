/** `docker config rm`: Remove one or more configs (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'rm CONFIG [CONFIG...]', short: 'Remove one or more configs',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  run: notSimulated
});
