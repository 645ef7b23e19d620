/** `docker service rm`: Remove one or more services (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'rm SERVICE [SERVICE...]', short: 'Remove one or more services',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 }
});
