/** `docker context import`: Import a context from a tar or zip file (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';

export const spec: CommandSpec = {
  name: 'import', use: 'import CONTEXT FILE|-', short: 'Import a context from a tar or zip file',
  args: { kind: 'exact', n: 2 },
  flags: [],
  run: notSimulated
};
