/** `docker trust revoke`: Remove trust for an image (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'revoke',
  use: 'revoke [OPTIONS] IMAGE[:TAG]',
  short: 'Remove trust for an image',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'yes', short: 'y', type: 'bool', usage: 'Do not prompt for confirmation' }
  ],
  run: notSimulated
};
