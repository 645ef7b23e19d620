/** `docker trust key load`: Load a private key file for signing (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../../framework/types';
import { notSimulated } from '../../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'load',
  use: 'load [OPTIONS] KEYFILE',
  short: 'Load a private key file for signing',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'name', type: 'string', usage: 'Name for the loaded key', default: 'signer' }
  ],
  run: notSimulated
};
