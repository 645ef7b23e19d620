/** `docker service rollback`: Revert changes to a service's configuration (flags and help as Docker 28.5 prints them). */
import { quietFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';
import FLAGS from './flags.json';

export const spec = notSimulatedVerb({
  use: 'rollback [OPTIONS] SERVICE', short: "Revert changes to a service's configuration",
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.rollback, quietFlag('Suppress progress output')]
});
