/** `docker secret rm`: Remove one or more secrets (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'rm SECRET [SECRET...]', short: 'Remove one or more secrets',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  run: notSimulated
});
