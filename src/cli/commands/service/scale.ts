/** `docker service scale`: Scale one or multiple replicated services (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'scale',
  use: 'scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  short: 'Scale one or multiple replicated services',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the service to converge' }
  ],
  run: notSimulated
};
