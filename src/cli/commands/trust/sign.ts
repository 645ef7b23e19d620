/** `docker trust sign`: Sign an image (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'sign',
  use: 'sign IMAGE:TAG',
  short: 'Sign an image',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'local', type: 'bool', usage: 'Sign a locally tagged image' }
  ],
  run: notSimulated
};
