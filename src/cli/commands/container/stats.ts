/** `docker container stats`: Display a live stream of container(s) resource usage statistics (flags and help as Docker 28.5 prints them). */
import { DaemonError } from '../../../api/daemon';
import { bytesSize, humanSizeWithPrecision } from '../../../lib/units';
import { writeFormat } from '../../format/table';
import { formatFlag, noTruncFlag } from '../../framework/common-flags';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonMessage, daemonOf, str } from '../shared/common';
import FLAGS from './flags.json';

const STATS_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';

const HEADER = { ID: 'CONTAINER ID', Container: 'CONTAINER', Name: 'NAME', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT', MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS' };

const io = (a: number, b: number) => `${humanSizeWithPrecision(a, 3)} / ${humanSizeWithPrecision(b, 3)}`;

export const statsRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const signal = ctx.io.signal;
  const sample = async () => {
    const names = args.length ? args : (await d.containerList({ all: bool(flags, 'all'), limit: 0, size: false, filters: {} })).map((c) => c.Id);
    const rows = [];
    for (const n of names) {
      const s = await d.containerStats(n);
      rows.push({
        ID: bool(flags, 'no-trunc') ? s.id : s.id.slice(0, 12),
        Container: n,
        Name: s.name,
        CPUPerc: `${s.cpu.toFixed(2)}%`,
        MemUsage: s.limit ? `${bytesSize(s.mem)} / ${bytesSize(s.limit)}` : '0B / 0B',
        MemPerc: s.limit ? `${((s.mem / s.limit) * 100).toFixed(2)}%` : '0.00%',
        NetIO: io(s.netRx, s.netTx),
        BlockIO: io(s.blockRead, s.blockWrite),
        PIDs: String(s.pids),
      });
    }
    return writeFormat(str(flags, 'format') || STATS_TABLE, HEADER, rows);
  };
  try {
    if (bool(flags, 'no-stream') || !ctx.io.stdoutIsTTY) {
      const r = await sample();
      await ctx.io.stdout.write(r.out);
      if (r.error) throw new CliError(r.error, 1);
      return 0;
    }
    for (;;) {
      const r = await sample();
      await ctx.io.stdout.write('\x1b[2J\x1b[H' + r.out);
      const clock = ctx.io.sleep;
      if (!clock) return 0;
      await clock(1000, signal);
    }
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
};

export const spec = verb({
  use: 'stats [OPTIONS] [CONTAINER...]', short: 'Display a live stream of container(s) resource usage statistics',
  args: { kind: 'min', n: 0 },
  flags: [...FLAGS.stats, formatFlag(), noTruncFlag('Do not truncate output')],
  run: statsRun
});
