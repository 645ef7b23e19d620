/** `docker network inspect`: Display detailed information on one or more networks (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import { DaemonError } from '../../../api/daemon';
import type { CommandSpec, Handler } from '../../framework/types';
import { str } from '../shared/common';
import { printInspect } from '../shared/inspect';
import { api } from './common';

export const networkInspectRun: Handler = async (ctx, args, flags) => {
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const ref of args) {
    try {
      found.push(await api(ctx).networkInspect(ref));
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(`Error response from daemon: ${e.message}`);
    }
  }
  return printInspect(ctx, found, str(flags, 'format'), errors);
};

export const spec: CommandSpec = {
  name: 'inspect',
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: { kind: 'min', n: 1 },
  flags: [
    inspectFormatFlag(),
    { long: 'verbose', short: 'v', type: 'bool', usage: 'Verbose output for diagnostics' }
  ],
  run: networkInspectRun
};
