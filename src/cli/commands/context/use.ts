/** `docker context use`: Set the current docker context (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'use CONTEXT', short: 'Set the current docker context',
  args: { kind: 'exact', n: 1 },
  run: notSimulated
});
