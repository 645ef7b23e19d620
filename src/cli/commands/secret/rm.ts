/** `docker secret rm`: Remove one or more secrets (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'rm SECRET [SECRET...]', short: 'Remove one or more secrets',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 }
});
