/** `docker plugin push`: Push a plugin to a registry (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'push',
  use: 'push [OPTIONS] PLUGIN[:TAG]',
  short: 'Push a plugin to a registry',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'disable-content-trust', type: 'bool', usage: 'Skip image signing', default: 'true' }
  ],
  run: notSimulated
};
