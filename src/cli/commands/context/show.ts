/** `docker context show`: Print the name of the current context (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';

export const spec: CommandSpec = {
  name: 'show', use: 'show', short: 'Print the name of the current context',
  args: { kind: 'none' },
  flags: [],
  run: notSimulated
};
