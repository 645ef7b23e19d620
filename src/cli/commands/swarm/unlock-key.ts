/** `docker swarm unlock-key`: Manage the unlock key (flags and help as Docker 28.5 prints them). */
import { quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'unlock-key [OPTIONS]', short: 'Manage the unlock key',
  args: { kind: 'none' },
  flags: [quietFlag('Only display token'), ...FLAGS['unlock-key']]
});
