/** `docker context ls`: List contexts (flags and help as Docker 28.5 prints them). */
import { formatFlag, quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'ls [OPTIONS]', short: 'List contexts',
  aliases: ['list'],
  args: { kind: 'none' },
  flags: [formatFlag(), quietFlag('Only show context names')]
});
