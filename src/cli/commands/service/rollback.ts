/** `docker service rollback`: Revert changes to a service's configuration (flags and help as Docker 28.5 prints them). */
import { quietFlag } from '../../framework/common-flags';
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  name: 'rollback',
  use: 'rollback [OPTIONS] SERVICE',
  short: "Revert changes to a service's configuration",
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the service to converge' },
    quietFlag('Suppress progress output')
  ],
  run: notSimulated
};
