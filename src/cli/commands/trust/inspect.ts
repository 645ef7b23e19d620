/** `docker trust inspect`: Return low-level information about keys and signatures (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'inspect',
  use: 'inspect IMAGE[:TAG] [IMAGE[:TAG]...]',
  short: 'Return low-level information about keys and signatures',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' }
  ],
  run: notSimulated
};
