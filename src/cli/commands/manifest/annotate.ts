/** `docker manifest annotate`: Add additional information to a local image manifest (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'annotate',
  use: 'annotate [OPTIONS] MANIFEST_LIST MANIFEST',
  short: 'Add additional information to a local image manifest',
  args: { kind: 'exact', n: 2 },
  flags: [
    { long: 'arch', type: 'string', usage: 'Set architecture' },
    { long: 'os', type: 'string', usage: 'Set operating system' },
    { long: 'os-features', type: 'stringSlice', usage: 'Set operating system feature' },
    { long: 'os-version', type: 'string', usage: 'Set operating system version' },
    { long: 'variant', type: 'string', usage: 'Set architecture variant' }
  ],
  run: notSimulated
};
