/** `docker volume inspect`: Display detailed information on one or more volumes (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import { DaemonError } from '../../../api/daemon';
import type { CommandSpec, Handler } from '../../framework/types';
import { str } from '../shared/common';
import { printInspect } from '../shared/inspect';
import { api } from './common';

export const volumeInspectRun: Handler = async (ctx, args, flags) => {
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const name of args) {
    try {
      found.push(await api(ctx).volumeInspect(name));
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(`Error response from daemon: ${e.message}`);
    }
  }
  return printInspect(ctx, found, str(flags, 'format'), errors);
};

export const spec: CommandSpec = {
  name: 'inspect',
  use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  args: { kind: 'min', n: 1 },
  flags: [
    inspectFormatFlag()
  ],
  run: volumeInspectRun
};
