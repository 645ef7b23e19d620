/** `docker stack config`: Outputs the final config file, after doing merges and interpolations (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'config',
  use: 'config [OPTIONS]',
  short: 'Outputs the final config file, after doing merges and interpolations',
  args: { kind: 'none' },
  flags: [
    { long: 'compose-file', short: 'c', type: 'stringSlice', usage: 'Path to a Compose file, or "-" to read from stdin' },
    { long: 'skip-interpolation', type: 'bool', usage: 'Skip interpolation and output only merged config' }
  ],
  run: notSimulated
};
