/** `docker context use`: Set the current docker context (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'use CONTEXT', short: 'Set the current docker context',
  args: { kind: 'exact', n: 1 }
});
