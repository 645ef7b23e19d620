/** `docker image inspect`: Display detailed information on one or more images (flags and help as Docker 28.5 prints them). */
import { checkPlatform } from '../../framework/platform';
import { inspectFormatFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { daemonOf, str } from '../shared/common';
import { inspectEach } from '../shared/inspect';
import FLAGS from './flags.json';

export const imageInspectRun: Handler = (ctx, args, flags) => {
  checkPlatform(flags);
  // docker-cli's inspector words a 404 itself and passes any other answer on (a reference the
  // daemon cannot parse is its 400 "invalid reference format").
  return inspectEach(ctx, args, str(flags, 'format'), (ref) => daemonOf(ctx).imageInspect(ref), (ref, e) =>
    e.statusCode === 404 || /No such image/.test(e.message) ? `Error: No such image: ${ref}` : `Error response from daemon: ${e.message}`);
};

export const spec = verb({
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]', short: 'Display detailed information on one or more images',
  args: { kind: 'min', n: 1 },
  flags: [inspectFormatFlag(), ...FLAGS.inspect],
  run: imageInspectRun
});
