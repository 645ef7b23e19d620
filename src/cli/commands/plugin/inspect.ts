/** `docker plugin inspect`: Display detailed information on one or more plugins (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'inspect [OPTIONS] PLUGIN [PLUGIN...]', short: 'Display detailed information on one or more plugins',
  args: { kind: 'min', n: 1 },
  flags: [inspectFormatFlag()]
});
