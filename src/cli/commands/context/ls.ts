/** `docker context ls`: List contexts (flags and help as Docker 28.5 prints them). */
import { formatFlag, quietFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'ls', use: 'ls [OPTIONS]', short: 'List contexts',
  aliases: ['list'], aliasesLine: 'docker context ls, docker context list',
  args: { kind: 'none' },
  flags: [formatFlag(), quietFlag('Only show context names')],
  run: notSimulated
};
