/** `docker secret create`: Create a secret from a file or STDIN as content (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'create [OPTIONS] SECRET [file|-]', short: 'Create a secret from a file or STDIN as content',
  args: { kind: 'range', n: 1, m: 2 },
  flags: [...FLAGS.create]
});
