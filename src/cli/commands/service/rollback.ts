/** `docker service rollback`: Revert changes to a service's configuration (flags and help as Docker 28.5 prints them). */
import { quietFlag } from '../../framework/common-flags';
import { notSimulated } from '../../framework/not-simulated';
import { verb } from '../../framework/verb';
import FLAGS from './flags.json';

export const spec = verb({
  use: 'rollback [OPTIONS] SERVICE', short: "Revert changes to a service's configuration",
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.rollback, quietFlag('Suppress progress output')],
  run: notSimulated
});
