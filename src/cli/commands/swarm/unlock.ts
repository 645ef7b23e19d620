/** `docker swarm unlock`: Unlock swarm (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'unlock', short: 'Unlock swarm',
  args: { kind: 'none' }
});
