/** `docker service rm`: Remove one or more services (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'rm SERVICE [SERVICE...]', short: 'Remove one or more services',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  run: notSimulated
});
