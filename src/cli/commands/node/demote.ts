/** `docker node demote`: Demote one or more nodes from manager in the swarm (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'demote NODE [NODE...]', short: 'Demote one or more nodes from manager in the swarm',
  args: { kind: 'min', n: 1 },
  run: notSimulated
});
