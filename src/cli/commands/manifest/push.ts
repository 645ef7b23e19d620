/** `docker manifest push`: Push a manifest list to a repository (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'push',
  use: 'push [OPTIONS] MANIFEST_LIST',
  short: 'Push a manifest list to a repository',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'insecure', type: 'bool', usage: 'Allow push to an insecure registry' },
    { long: 'purge', short: 'p', type: 'bool', usage: 'Remove the local manifest list after push' }
  ],
  run: notSimulated
};
