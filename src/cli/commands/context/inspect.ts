/** `docker context inspect`: Display detailed information on one or more contexts (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import { notSimulatedVerb } from '../../framework/not-simulated';

export const spec = notSimulatedVerb({
  use: 'inspect [OPTIONS] [CONTEXT] [CONTEXT...]', short: 'Display detailed information on one or more contexts',
  args: { kind: 'any' },
  flags: [inspectFormatFlag()]
});
