/** `docker node promote`: Promote one or more nodes to manager in the swarm (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'promote NODE [NODE...]', short: 'Promote one or more nodes to manager in the swarm',
  args: { kind: 'min', n: 1 },
  run: notSimulated
});
