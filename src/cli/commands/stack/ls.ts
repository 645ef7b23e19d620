/** `docker stack ls`: List stacks (flags and help as Docker 28.5 prints them). */
import { formatFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'ls', use: 'ls [OPTIONS]', short: 'List stacks',
  aliases: ['list'], aliasesLine: 'docker stack ls, docker stack list',
  args: { kind: 'none' },
  flags: [formatFlag()],
  run: notSimulated
};
