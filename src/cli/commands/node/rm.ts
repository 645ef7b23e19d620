/** `docker node rm`: Remove one or more nodes from the swarm (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'rm [OPTIONS] NODE [NODE...]', short: 'Remove one or more nodes from the swarm',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  flags: [forceFlag('Force remove a node from the swarm')]
});
