/** `docker trust signer remove`: Remove a signer (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../../framework/common-flags';
import { notSimulatedVerb } from '../../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'remove [OPTIONS] NAME REPOSITORY [REPOSITORY...]', short: 'Remove a signer',
  args: { kind: 'min', n: 2 },
  flags: [forceFlag('Do not prompt for confirmation before removing the most recent signer')]
});
