/** `docker trust signer add`: Add a signer (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../../framework/types';
import { notSimulated } from '../../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'add',
  use: 'add OPTIONS NAME REPOSITORY [REPOSITORY...] ',
  short: 'Add a signer',
  args: { kind: 'min', n: 2 },
  flags: [
    { long: 'key', type: 'list', usage: "Path to the signer's public key file" }
  ],
  run: notSimulated
};
