/** `docker trust key generate`: Generate and load a signing key-pair (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../../framework/not-simulated';
import type { CommandSpec } from '../../../framework/types';
import FLAGS from './flags.json';

export const spec: CommandSpec = {
  name: 'generate', use: 'generate NAME', short: 'Generate and load a signing key-pair',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.generate],
  run: notSimulated
};
