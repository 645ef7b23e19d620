/** `docker context rm`: Remove one or more contexts (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'rm CONTEXT [CONTEXT...]', short: 'Remove one or more contexts',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  flags: [forceFlag('Force the removal of a context in use')]
});
