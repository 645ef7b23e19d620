/** `docker stack services`: List the services in the stack (flags and help as Docker 28.5 prints them). */
import { filterFlag, formatFlag, quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'services [OPTIONS] STACK', short: 'List the services in the stack',
  args: { kind: 'exact', n: 1 },
  flags: [filterFlag(), formatFlag(), quietFlag('Only display IDs')]
});
