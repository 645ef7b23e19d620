/** `docker trust key generate`: Generate and load a signing key-pair (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../../framework/types';
import { notSimulated } from '../../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'generate',
  use: 'generate NAME',
  short: 'Generate and load a signing key-pair',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'dir', type: 'string', usage: 'Directory to generate key in, defaults to current directory' }
  ],
  run: notSimulated
};
