/** `docker context inspect`: Display detailed information on one or more contexts (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import { verb } from '../../framework/verb';
import { notSimulated } from '../../framework/not-simulated';

export const spec = verb({
  use: 'inspect [OPTIONS] [CONTEXT] [CONTEXT...]', short: 'Display detailed information on one or more contexts',
  args: { kind: 'any' },
  flags: [inspectFormatFlag()],
  run: notSimulated
});
