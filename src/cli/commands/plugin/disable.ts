/** `docker plugin disable`: Disable a plugin (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'disable [OPTIONS] PLUGIN', short: 'Disable a plugin',
  args: { kind: 'exact', n: 1 },
  flags: [forceFlag('Force the disable of an active plugin')]
});
