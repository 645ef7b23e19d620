/** `docker plugin install`: Install a plugin (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'install',
  use: 'install [OPTIONS] PLUGIN [KEY=VALUE...]',
  short: 'Install a plugin',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'alias', type: 'string', usage: 'Local name for plugin' },
    { long: 'disable', type: 'bool', usage: 'Do not enable the plugin on install' },
    { long: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', default: 'true' },
    { long: 'grant-all-permissions', type: 'bool', usage: 'Grant all permissions necessary to run the plugin' }
  ],
  run: notSimulated
};
