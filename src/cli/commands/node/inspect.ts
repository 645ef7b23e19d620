/** `docker node inspect`: Display detailed information on one or more nodes (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'inspect',
  use: 'inspect [OPTIONS] self|NODE [NODE...]',
  short: 'Display detailed information on one or more nodes',
  args: { kind: 'min', n: 1 },
  flags: [
    inspectFormatFlag(),
    { long: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' }
  ],
  run: notSimulated
};
