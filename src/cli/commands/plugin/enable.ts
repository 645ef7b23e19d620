/** `docker plugin enable`: Enable a plugin (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'enable',
  use: 'enable [OPTIONS] PLUGIN',
  short: 'Enable a plugin',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'timeout', type: 'int', usage: 'HTTP client timeout (in seconds)', default: '30' }
  ],
  run: notSimulated
};
