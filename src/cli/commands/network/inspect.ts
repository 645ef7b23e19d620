/** `docker network inspect`: Display detailed information on one or more networks (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { str } from '../shared/common';
import { inspectEach } from '../shared/inspect';
import { api } from './common';
import FLAGS from './flags.json';

export const networkInspectRun: Handler = (ctx, args, flags) =>
  inspectEach(ctx, args, str(flags, 'format'), (ref) => api(ctx).networkInspect(ref), (_ref, e) => `Error response from daemon: ${e.message}`);

export const spec = verb({
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]', short: 'Display detailed information on one or more networks',
  args: { kind: 'min', n: 1 },
  flags: [inspectFormatFlag(), ...FLAGS.inspect],
  run: networkInspectRun
});
