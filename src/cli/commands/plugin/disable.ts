/** `docker plugin disable`: Disable a plugin (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import { verb } from '../../framework/verb';
import { notSimulated } from '../../framework/not-simulated';

export const spec = verb({
  use: 'disable [OPTIONS] PLUGIN', short: 'Disable a plugin',
  args: { kind: 'exact', n: 1 },
  flags: [forceFlag('Force the disable of an active plugin')],
  run: notSimulated
});
