/** `docker secret create`: Create a secret from a file or STDIN as content (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'create',
  use: 'create [OPTIONS] SECRET [file|-]',
  short: 'Create a secret from a file or STDIN as content',
  args: { kind: 'range', n: 1, m: 2 },
  flags: [
    { long: 'driver', short: 'd', type: 'string', usage: 'Secret driver' },
    { long: 'label', short: 'l', type: 'list', usage: 'Secret labels' },
    { long: 'template-driver', type: 'string', usage: 'Template driver' }
  ],
  run: notSimulated
};
