/** `docker inspect`: Return low-level information on Docker objects (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonOf, str } from '../shared/common';
import { printInspect } from '../shared/inspect';
import FLAGS from './flags.json';

/** `docker inspect`: containers first, then images (`--type` narrows). */
export const inspectRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const type = str(flags, 'type');
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const ref of args) {
    let obj: Record<string, unknown> | undefined;
    if (!type || type === 'container') obj = await d.containerInspect(ref, { size: bool(flags, 'size') }).catch(() => undefined);
    if (!obj && (!type || type === 'image')) obj = await d.imageInspect(ref).catch(() => undefined);
    if (obj) found.push(obj);
    else errors.push(`Error: No such object: ${ref}`);
  }
  return printInspect(ctx, found, str(flags, 'format'), errors);
};

export const spec = verb({
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]', short: 'Return low-level information on Docker objects',
  args: { kind: 'min', n: 1 },
  flags: [inspectFormatFlag(), ...FLAGS.inspect],
  run: inspectRun
});
