/** `docker container update`: Update configuration of one or more containers (flags and help as Docker 28.5 prints them). */
import { DaemonError } from '../../../api/daemon';
import { ramInBytes } from '../../../lib/units';
import { CliError, type CommandSpec, type Handler } from '../../framework/types';
import { daemonMessage, daemonOf, str } from '../shared/common';

const RESTART = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/;

export const updateRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  if (!d.containerUpdate) throw new CliError('docker update: not simulated', 1);
  if (ctx.changed.size === 0) throw new CliError('you must provide one or more flags when using this command', 1);
  const body: Parameters<NonNullable<typeof d.containerUpdate>>[1] = {};
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
  return 0;
};

export const spec: CommandSpec = {
  name: 'update',
  use: 'update [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Update configuration of one or more containers',
  aliasesLine: 'docker container update, docker update',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'blkio-weight', type: 'uint16', usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)', default: '0' },
    { long: 'cpu-period', type: 'int64', usage: 'Limit CPU CFS (Completely Fair Scheduler) period', default: '0' },
    { long: 'cpu-quota', type: 'int64', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota', default: '0' },
    { long: 'cpu-rt-period', type: 'int64', usage: 'Limit the CPU real-time period in microseconds', default: '0' },
    { long: 'cpu-rt-runtime', type: 'int64', usage: 'Limit the CPU real-time runtime in microseconds', default: '0' },
    { long: 'cpu-shares', short: 'c', type: 'int64', usage: 'CPU shares (relative weight)', default: '0' },
    { long: 'cpus', type: 'decimal', usage: 'Number of CPUs' },
    { long: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { long: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
    { long: 'memory', short: 'm', type: 'bytes', usage: 'Memory limit', default: '0' },
    { long: 'memory-reservation', type: 'bytes', usage: 'Memory soft limit', default: '0' },
    { long: 'memory-swap', type: 'bytes', usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap', default: '0' },
    { long: 'pids-limit', type: 'int64', usage: 'Tune container pids limit (set -1 for unlimited)', default: '0' },
    { long: 'restart', type: 'string', usage: 'Restart policy to apply when a container exits' }
  ],
  run: updateRun
};
