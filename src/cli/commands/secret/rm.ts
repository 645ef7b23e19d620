/** `docker secret rm`: Remove one or more secrets (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import type { CommandSpec } from '../../framework/types';

export const spec: CommandSpec = {
  name: 'rm', use: 'rm SECRET [SECRET...]', short: 'Remove one or more secrets',
  aliases: ['remove'], aliasesLine: 'docker secret rm, docker secret remove',
  args: { kind: 'min', n: 1 },
  flags: [],
  run: notSimulated
};
