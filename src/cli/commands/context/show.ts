/** `docker context show`: Print the name of the current context (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'show', short: 'Print the name of the current context',
  args: { kind: 'none' }
});
