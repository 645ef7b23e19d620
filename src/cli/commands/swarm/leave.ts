/** `docker swarm leave`: Leave the swarm (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'leave [OPTIONS]', short: 'Leave the swarm',
  args: { kind: 'none' },
  flags: [forceFlag('Force this node to leave the swarm, ignoring warnings')]
});
