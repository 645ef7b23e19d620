/** `docker container update`: Update configuration of one or more containers (flags and help as Docker 28.5 prints them). */
import { DaemonError } from '../../../api/daemon';
import { ramInBytes } from '../../../lib/units';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { daemonMessage, daemonOf, str } from '../shared/common';
import FLAGS from './flags.json';

const RESTART = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/;

export const updateRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  if (ctx.changed.size === 0) throw new CliError('you must provide one or more flags when using this command', 1);
  const body: Parameters<typeof d.containerUpdate>[1] = {};
  const bytes = (name: string) => {
    const v = str(flags, name);
    return v === '-1' ? -1 : v && v !== '0' ? ramInBytes(v) : 0;
  };
  if (ctx.changed.has('memory')) body.Memory = bytes('memory');
  if (ctx.changed.has('memory-swap')) body.MemorySwap = bytes('memory-swap');
  if (ctx.changed.has('cpus')) body.NanoCpus = Math.round(Number(str(flags, 'cpus')) * 1e9);
  const restart = str(flags, 'restart');
  if (restart) {
    const m = RESTART.exec(restart);
    if (!m) throw new CliError(`invalid restart policy format: no matching options for "${restart}"`, 1);
    body.RestartPolicy = { Name: m[1], MaximumRetryCount: m[2] ? Number(m[2]) : 0 };
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const name of args) {
    try {
      const r = await d.containerUpdate(name, body);
      warnings.push(...r.Warnings);
      await ctx.io.stdout.write(name + '\n');
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(daemonMessage(e));
    }
  }
  if (warnings.length) await ctx.io.stdout.write(warnings.join('\n') + '\n');
  if (errors.length) throw new CliError(errors.join('\n'), 1);
};

export const spec = verb({
  use: 'update [OPTIONS] CONTAINER [CONTAINER...]', short: 'Update configuration of one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [...FLAGS.update],
  run: updateRun
});
