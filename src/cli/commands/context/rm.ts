/** `docker context rm`: Remove one or more contexts (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'rm', use: 'rm CONTEXT [CONTEXT...]', short: 'Remove one or more contexts',
  aliases: ['remove'], aliasesLine: 'docker context rm, docker context remove',
  args: { kind: 'min', n: 1 },
  flags: [forceFlag('Force the removal of a context in use')],
  run: notSimulated
};
