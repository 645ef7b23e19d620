/** `docker plugin set`: Change settings for a plugin (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';

export const spec: CommandSpec = {
  name: 'set', use: 'set PLUGIN KEY=VALUE [KEY=VALUE...]', short: 'Change settings for a plugin',
  args: { kind: 'min', n: 2 },
  flags: [],
  run: notSimulated
};
