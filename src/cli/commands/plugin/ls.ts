/** `docker plugin ls`: List plugins (flags and help as Docker 28.5 prints them). */
import { filterFlag, formatFlag, noTruncFlag, quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'ls [OPTIONS]', short: 'List plugins',
  aliases: ['list'],
  args: { kind: 'none' },
  flags: [
    filterFlag('Provide filter values (e.g. "enabled=true")'),
    formatFlag(),
    noTruncFlag("Don't truncate output"),
    quietFlag('Only display plugin IDs')
  ]
});
