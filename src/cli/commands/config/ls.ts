/** `docker config ls`: List configs (flags and help as Docker 28.5 prints them). */
import { filterFlag, formatFlag, quietFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'ls', use: 'ls [OPTIONS]', short: 'List configs',
  aliases: ['list'], aliasesLine: 'docker config ls, docker config list',
  args: { kind: 'none' },
  flags: [filterFlag(), formatFlag(), quietFlag('Only display IDs')],
  run: notSimulated
};
