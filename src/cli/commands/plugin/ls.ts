/** `docker plugin ls`: List plugins (flags and help as Docker 28.5 prints them). */
import { filterFlag, formatFlag, noTruncFlag, quietFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'ls', use: 'ls [OPTIONS]', short: 'List plugins',
  aliases: ['list'], aliasesLine: 'docker plugin ls, docker plugin list',
  args: { kind: 'none' },
  flags: [
    filterFlag('Provide filter values (e.g. "enabled=true")'),
    formatFlag(),
    noTruncFlag("Don't truncate output"),
    quietFlag('Only display plugin IDs')
  ],
  run: notSimulated
};
