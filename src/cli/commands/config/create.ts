/** `docker config create`: Create a config from a file or STDIN (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'create',
  use: 'create [OPTIONS] CONFIG file|-',
  short: 'Create a config from a file or STDIN',
  args: { kind: 'exact', n: 2 },
  flags: [
    { long: 'label', short: 'l', type: 'list', usage: 'Config labels' },
    { long: 'template-driver', type: 'string', usage: 'Template driver' }
  ],
  run: notSimulated
};
