/** `docker node promote`: Promote one or more nodes to manager in the swarm (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'promote NODE [NODE...]', short: 'Promote one or more nodes to manager in the swarm',
  args: { kind: 'min', n: 1 }
});
