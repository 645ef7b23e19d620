/** `docker context ls`: List contexts (flags and help as Docker 28.5 prints them). */
import { formatFlag, quietFlag } from '../../framework/common-flags';
import { verb } from '../../framework/verb';
import { notSimulated } from '../../framework/not-simulated';

export const spec = verb({
  use: 'ls [OPTIONS]', short: 'List contexts',
  aliases: ['list'],
  args: { kind: 'none' },
  flags: [formatFlag(), quietFlag('Only show context names')],
  run: notSimulated
});
