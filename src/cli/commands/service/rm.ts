/** `docker service rm`: Remove one or more services (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';

export const spec: CommandSpec = {
  name: 'rm', use: 'rm SERVICE [SERVICE...]', short: 'Remove one or more services',
  aliases: ['remove'], aliasesLine: 'docker service rm, docker service remove',
  args: { kind: 'min', n: 1 },
  flags: [],
  run: notSimulated
};
