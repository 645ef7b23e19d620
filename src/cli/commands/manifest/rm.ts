/** `docker manifest rm`: Delete one or more manifest lists from local storage (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';

export const spec: CommandSpec = {
  name: 'rm', use: 'rm MANIFEST_LIST [MANIFEST_LIST...]', short: 'Delete one or more manifest lists from local storage',
  args: { kind: 'min', n: 1 },
  flags: [],
  run: notSimulated
};
