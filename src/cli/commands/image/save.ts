/** `docker image save`: Save one or more images to a tar archive (streamed to STDOUT by default) (flags and help as Docker 28.5 prints them). */
import { checkPlatform } from '../../framework/platform';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, daemonOf, str } from '../shared/common';
import { refuseTerminal, writeTar } from '../shared/local-fs';
import FLAGS from './flags.json';

export const saveRun: Handler = async (ctx, args, flags) => {
  checkPlatform(flags, 'invalid platform: ');
  const output = str(flags, 'output');
  refuseTerminal(ctx, output);
  await writeTar(ctx, output, await call(() => daemonOf(ctx).imageSave(args)));
};

export const spec = verb({
  use: 'save [OPTIONS] IMAGE [IMAGE...]', short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.save],
  run: saveRun
});
