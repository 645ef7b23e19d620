/** `docker volume inspect`: Display detailed information on one or more volumes (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { str } from '../shared/common';
import { inspectEach } from '../shared/inspect';
import { api } from './common';

export const volumeInspectRun: Handler = (ctx, args, flags) =>
  inspectEach(ctx, args, str(flags, 'format'), (name) => api(ctx).volumeInspect(name), (_name, e) => `Error response from daemon: ${e.message}`);

export const spec = verb({
  use: 'inspect [OPTIONS] VOLUME [VOLUME...]', short: 'Display detailed information on one or more volumes',
  args: { kind: 'min', n: 1 },
  flags: [inspectFormatFlag()],
  run: volumeInspectRun
});
