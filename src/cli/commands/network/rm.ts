/** `docker network rm`: Remove one or more networks (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { eachArg } from '../shared/common';
import { api } from './common';

export const networkRmRun: Handler = (ctx, args) => eachArg(ctx, args, (ref) => api(ctx).networkRemove(ref));

export const spec = verb({
  use: 'rm NETWORK [NETWORK...]', short: 'Remove one or more networks',
  aliases: ['remove'],
  args: { kind: 'min', n: 1 },
  flags: [forceFlag('Do not error if the network does not exist')],
  run: networkRmRun
});
