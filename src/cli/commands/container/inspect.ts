/** `docker container inspect`: Display detailed information on one or more containers (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonOf, str } from '../shared/common';
import { inspectEach } from '../shared/inspect';
import FLAGS from './flags.json';

export const containerInspectRun: Handler = (ctx, args, flags) =>
  inspectEach(ctx, args, str(flags, 'format'), (ref) => daemonOf(ctx).containerInspect(ref, { size: bool(flags, 'size') }), (ref) => `Error: No such container: ${ref}`);

export const spec = verb({
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]', short: 'Display detailed information on one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [inspectFormatFlag(), ...FLAGS.inspect],
  run: containerInspectRun
});
