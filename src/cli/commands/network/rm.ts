/** `docker network rm`: Remove one or more networks (flags and help as Docker 28.5 prints them). */
import { forceFlag } from '../../framework/common-flags';
import type { CommandSpec, Handler } from '../../framework/types';
import { eachArg } from '../shared/common';
import { api } from './common';

export const networkRmRun: Handler = (ctx, args) => eachArg(ctx, args, (ref) => api(ctx).networkRemove(ref));

export const spec: CommandSpec = {
  name: 'rm', use: 'rm NETWORK [NETWORK...]', short: 'Remove one or more networks',
  aliases: ['remove'], aliasesLine: 'docker network rm, docker network remove',
  args: { kind: 'min', n: 1 },
  flags: [forceFlag('Do not error if the network does not exist')],
  run: networkRmRun
};
