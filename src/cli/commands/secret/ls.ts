/** `docker secret ls`: List secrets (flags and help as Docker 28.5 prints them). */
import { filterFlag, formatFlag, quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'ls [OPTIONS]', short: 'List secrets',
  aliases: ['list'],
  args: { kind: 'none' },
  flags: [filterFlag(), formatFlag(), quietFlag('Only display IDs')]
});
