/** `docker stack ls`: List stacks (flags and help as Docker 28.5 prints them). */
import { formatFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'ls [OPTIONS]', short: 'List stacks',
  aliases: ['list'],
  args: { kind: 'none' },
  flags: [formatFlag()]
});
