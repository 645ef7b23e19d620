/** `docker trust signer add`: Add a signer (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'add OPTIONS NAME REPOSITORY [REPOSITORY...] ', short: 'Add a signer',
  args: { kind: 'min', n: 2 },
  flags: [...FLAGS.add]
});
