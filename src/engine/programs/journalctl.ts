/**
 * `journalctl -u docker`: what systemd's journal holds for the docker unit — its last start, or
 * dockerd's own error and systemd's lines when it failed to start (a bad /etc/docker/daemon.json).
 * Only root and members of `adm`/`systemd-journal` read the system journal; others get systemd
 * 255's hint and no entries. Left out: other units' histories, the `-x` catalog texts, paging.
 */
import type { ProgramContext } from '../process/types';
import { journalStamp } from './systemctl';

const ADM_GID = 4;
const JOURNAL_GID = 101;

/** The value of `-u X`, `-uX`, `--unit=X`, `--unit X`, or inside bundled short options (`-xeu X`). */
function unitArg(argv: string[]): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--unit=')) return a.slice(7);
    if (a === '--unit') return argv[i + 1];
    if (/^-[a-zA-Z]*u/.test(a) && !a.startsWith('--')) {
      const rest = a.slice(a.indexOf('u') + 1);
      return rest || argv[i + 1];
    }
  }
  return undefined;
}

export async function journalctl(ctx: ProgramContext): Promise<number> {
  const cred = ctx.proc.info.cred;
  const quiet = ctx.argv.includes('-q') || ctx.argv.includes('--quiet');
  const mayRead = cred.uid === 0 || [ADM_GID, JOURNAL_GID].some((g) => cred.gid === g || cred.groups.includes(g));
  if (!mayRead) {
    if (!quiet) {
      await ctx.stdout.write("Hint: You are currently not seeing messages from other users and the system.\n      Users in groups 'adm', 'systemd-journal' can see all messages.\n      Pass -q to turn off this notice.\n");
    }
    await ctx.stdout.write('-- No entries --\n');
    return 0;
  }
  const unit = unitArg(ctx.argv);
  const name = unit && !/\.\w+$/.test(unit) ? `${unit}.service` : unit;
  const daemon = await ctx.sys.host?.dockerd();
  if (name !== 'docker.service' || !daemon) {
    await ctx.stdout.write('-- No entries --\n');
    return 0;
  }
  const p = daemon.engineProcess();
  const pid = p?.pid ?? 0;
  const at = journalStamp(p?.startTime ?? ctx.sys.clock.now());
  const host = ctx.sys.hostname();
  const failure = daemon.engineFailed();
  const desc = 'Docker Application Container Engine';
  const lines = [`${at} ${host} systemd[1]: Starting docker.service - ${desc}...`];
  if (failure) {
    lines.push(
      `${at} ${host} dockerd[${pid}]: ${failure}`,
      `${at} ${host} systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE`,
      `${at} ${host} systemd[1]: docker.service: Failed with result 'exit-code'.`,
      `${at} ${host} systemd[1]: Failed to start docker.service - ${desc}.`,
    );
  } else {
    const iso = new Date(p?.startTime ?? ctx.sys.clock.now()).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
    lines.push(
      `${at} ${host} dockerd[${pid}]: time="${iso}" level=info msg="Daemon has completed initialization"`,
      `${at} ${host} dockerd[${pid}]: time="${iso}" level=info msg="API listen on /run/docker.sock"`,
      `${at} ${host} systemd[1]: Started docker.service - ${desc}.`,
    );
  }
  await ctx.stdout.write(lines.join('\n') + '\n');
  return 0;
}
