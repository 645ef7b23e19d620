/** `docker secret ls`: List secrets (flags and help as Docker 28.5 prints them). */
import { filterFlag, formatFlag, quietFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'ls', use: 'ls [OPTIONS]', short: 'List secrets',
  aliases: ['list'], aliasesLine: 'docker secret ls, docker secret list',
  args: { kind: 'none' },
  flags: [filterFlag(), formatFlag(), quietFlag('Only display IDs')],
  run: notSimulated
};
