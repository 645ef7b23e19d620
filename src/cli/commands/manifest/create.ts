/** `docker manifest create`: Create a local manifest list for annotating and pushing to a registry (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'create',
  use: 'create MANIFEST_LIST MANIFEST [MANIFEST...]',
  short: 'Create a local manifest list for annotating and pushing to a registry',
  args: { kind: 'min', n: 2 },
  flags: [
    { long: 'amend', short: 'a', type: 'bool', usage: 'Amend an existing manifest list' },
    { long: 'insecure', type: 'bool', usage: 'Allow communication with an insecure registry' }
  ],
  run: notSimulated
};
