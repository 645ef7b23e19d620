/** `docker plugin rm`: Remove one or more plugins (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'rm', use: 'rm [OPTIONS] PLUGIN [PLUGIN...]', short: 'Remove one or more plugins',
  aliases: ['remove'], aliasesLine: 'docker plugin rm, docker plugin remove',
  args: { kind: 'min', n: 1 },
  flags: [forceFlag('Force the removal of an active plugin')],
  run: notSimulated
};
