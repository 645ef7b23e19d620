/** `docker container run`: Create and run a new container from an image (flags and help as Docker 28.5 prints them). */
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonMessage, daemonOf, str } from '../shared/common';
import { attachAndWait, createWithPull, runError } from './common';
import { createBody } from './create-body';
import { containerFlags } from './create-run-flags';
import FLAGS from './flags.json';

export const runRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const body = createBody(ctx, args, flags);
  const detach = bool(flags, 'detach');
  const id = await createWithPull(ctx, d, body, 'run', bool(flags, 'quiet'));
  const start = async () => {
    try {
      await d.containerStart(id);
    } catch (e) {
      const msg = daemonMessage(e);
      if (body.hostConfig.AutoRemove) await d.containerRemove(id, { force: true, volumes: true }).catch(() => {});
      throw runError('run', msg);
    }
  };
  if (detach) {
    // The CLI prints the ID from a goroutine started before ContainerStart, so a start failure
    // (a taken port) comes after the ID.
    await ctx.io.stdout.write(id + '\n');
    await start();
    return 0;
  }
  return attachAndWait(ctx, d, id, { stdin: bool(flags, 'interactive'), detachKeys: str(flags, 'detach-keys') || undefined, start, sigProxy: bool(flags, 'sig-proxy') });
};

export const spec = verb({
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]', short: 'Create and run a new container from an image',
  args: { kind: 'min', n: 1 }, interspersed: false,
  flags: [...containerFlags, ...FLAGS.run],
  run: runRun
});
