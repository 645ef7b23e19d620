/** `docker node demote`: Demote one or more nodes from manager in the swarm (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'demote NODE [NODE...]', short: 'Demote one or more nodes from manager in the swarm',
  args: { kind: 'min', n: 1 }
});
