/** `docker plugin rm`: Remove one or more plugins (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'rm [OPTIONS] PLUGIN [PLUGIN...]', short: 'Remove one or more plugins',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  flags: [forceFlag('Force the removal of an active plugin')]
});
