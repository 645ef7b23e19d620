/** `docker image tag`: Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { daemonOf, silentCall } from '../shared/common';

export const tagRun: Handler = (ctx, args) => silentCall(() => daemonOf(ctx).imageTag(args[0], args[1]));

export const spec = verb({
  use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  args: { kind: 'exact', n: 2 },
  run: tagRun
});
