/** `docker service scale`: Scale one or multiple replicated services (flags and help as Docker 28.5 prints them). */
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'scale SERVICE=REPLICAS [SERVICE=REPLICAS...]', short: 'Scale one or multiple replicated services',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.scale]
});
