/** `docker stack ls`: List stacks (flags and help as Docker 28.5 prints them). */
import { formatFlag } from '../../framework/common-flags';
import { verb } from '../../framework/verb';
import { notSimulated } from '../../framework/not-simulated';

export const spec = verb({
  use: 'ls [OPTIONS]', short: 'List stacks',
  aliases: ['list'],
  args: { kind: 'none' },
  flags: [formatFlag()],
  run: notSimulated
});
