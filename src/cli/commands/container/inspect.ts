/** `docker container inspect`: Display detailed information on one or more containers (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonOf, str } from '../shared/common';
import { printInspect } from '../shared/inspect';
import FLAGS from './flags.json';

export const containerInspectRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const ref of args) {
    const obj = await d.containerInspect(ref, { size: bool(flags, 'size') }).catch(() => undefined);
    if (obj) found.push(obj);
    else errors.push(`Error: No such container: ${ref}`);
  }
  return printInspect(ctx, found, str(flags, 'format'), errors);
};

export const spec = verb({
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]', short: 'Display detailed information on one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [inspectFormatFlag(), ...FLAGS.inspect],
  run: containerInspectRun
});
