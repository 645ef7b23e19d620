/** `docker plugin upgrade`: Upgrade an existing plugin (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'upgrade',
  use: 'upgrade [OPTIONS] PLUGIN [REMOTE]',
  short: 'Upgrade an existing plugin',
  args: { kind: 'range', n: 1, m: 2 },
  flags: [
    { long: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', default: 'true' },
    { long: 'grant-all-permissions', type: 'bool', usage: 'Grant all permissions necessary to run the plugin' },
    { long: 'skip-remote-check', type: 'bool', usage: 'Do not check if specified remote plugin matches existing plugin image' }
  ],
  run: notSimulated
};
