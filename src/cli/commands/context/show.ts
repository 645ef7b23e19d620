/** `docker context show`: Print the name of the current context (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'show', short: 'Print the name of the current context',
  args: { kind: 'none' },
  run: notSimulated
});
