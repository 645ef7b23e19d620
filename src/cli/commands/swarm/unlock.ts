/** `docker swarm unlock`: Unlock swarm (flags and help as Docker 28.5 prints them). */
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';

export const spec = verb({
  use: 'unlock', short: 'Unlock swarm',
  args: { kind: 'none' },
  run: notSimulated
});
