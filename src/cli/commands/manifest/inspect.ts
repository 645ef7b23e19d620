/** `docker manifest inspect`: Display an image manifest, or manifest list (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'inspect',
  use: 'inspect [OPTIONS] [MANIFEST_LIST] MANIFEST',
  short: 'Display an image manifest, or manifest list',
  args: { kind: 'range', n: 1, m: 2 },
  flags: [
    { long: 'insecure', type: 'bool', usage: 'Allow communication with an insecure registry' },
    { long: 'verbose', short: 'v', type: 'bool', usage: 'Output additional info including layers and platform' }
  ],
  run: notSimulated
};
