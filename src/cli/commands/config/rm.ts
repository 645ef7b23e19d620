/** `docker config rm`: Remove one or more configs (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';

export const spec: CommandSpec = {
  name: 'rm', use: 'rm CONFIG [CONFIG...]', short: 'Remove one or more configs',
  aliases: ['remove'], aliasesLine: 'docker config rm, docker config remove',
  args: { kind: 'min', n: 1 },
  flags: [],
  run: notSimulated
};
