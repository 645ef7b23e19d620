/**
 * `systemctl` and `service` on the host, for the units a Docker learner touches: docker (and its
 * socket) and containerd. `restart docker` is what makes an edit of /etc/docker/daemon.json
 * (registry mirrors) take effect; `status docker` shows dockerd as the host's process it is.
 * Changing units needs root, as polkit without an agent in a terminal says.
 */
import type { ProgramContext } from '../process/types';
import { DaemonError, type DaemonApi } from '../../api/daemon';

const UNITS: Record<string, { description: string; exec: string; docs: string; triggeredBy?: string }> = {
  'docker.service': {
    description: 'Docker Application Container Engine',
    exec: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
    docs: 'https://docs.docker.com',
    triggeredBy: 'docker.socket',
  },
  'containerd.service': { description: 'containerd container runtime', exec: '/usr/bin/containerd', docs: 'https://containerd.io' },
};

const CHANGE = new Set(['start', 'stop', 'restart', 'reload', 'try-restart', 'reload-or-restart', 'enable', 'disable']);
const VERB_WORD: Record<string, string> = { start: 'start', stop: 'stop', restart: 'restart', reload: 'reload', 'try-restart': 'try-restart', 'reload-or-restart': 'reload-or-restart', enable: 'enable', disable: 'disable' };

function unitName(u: string): string {
  return /\.(service|socket|target|timer|mount)$/.test(u) ? u : `${u}.service`;
}

/** systemd's "5min ago" / "1h 2min ago" / "2 days ago". */
function ago(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}min ${s % 60}s ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${m % 60}min ago`;
  return `${Math.floor(h / 24)} days ago`;
}

function stamp(t: number): string {
  const d = new Date(t);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  return `${day} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

export function journalStamp(t: number): string {
  const d = new Date(t);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${mon} ${String(d.getUTCDate()).padStart(2, '0')} ${d.toISOString().slice(11, 19)}`;
}

export async function systemctl(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const quiet = ctx.argv.includes('-q') || ctx.argv.includes('--quiet');
  const [verb, ...units] = args;
  const daemon = await ctx.sys.host?.dockerd();
  const err = (s: string) => ctx.stderr.write(s);
  const root = ctx.proc.info.cred.uid === 0;
  if (!verb) return status(ctx, [], daemon);
  if (verb === 'daemon-reload') {
    if (!root) {
      await err('Failed to reload daemon: Interactive authentication required.\n');
      return 1;
    }
    return 0;
  }
  if (verb === 'status') return status(ctx, units.map(unitName), daemon);
  if (verb === 'is-active' || verb === 'is-enabled') {
    let code = 0;
    for (const u of units.map(unitName)) {
      const known = u in UNITS || u === 'docker.socket';
      const failed = u === 'docker.service' && daemon?.engineFailed();
      const word = verb === 'is-enabled' ? (known ? 'enabled' : 'not-found') : known ? (failed ? 'failed' : 'active') : 'inactive';
      if (!quiet) await ctx.stdout.write(word + '\n');
      if (word !== 'active' && word !== 'enabled') code = verb === 'is-active' ? 3 : 4;
    }
    return code;
  }
  if (CHANGE.has(verb)) {
    if (!units.length) {
      await err(`Too few arguments.\n`);
      return 1;
    }
    for (const u of units.map(unitName)) {
      if (!(u in UNITS) && u !== 'docker.socket') {
        await err(root ? `Failed to ${VERB_WORD[verb]} ${u}: Unit ${u} not found.\n` : `Failed to ${VERB_WORD[verb]} ${u}: Interactive authentication required.\nSee system logs and 'systemctl status ${u}' for details.\n`);
        return root ? 5 : 1;
      }
      if (!root) {
        await err(`Failed to ${VERB_WORD[verb]} ${u}: Interactive authentication required.\nSee system logs and 'systemctl status ${u}' for details.\n`);
        return 1;
      }
      if (verb === 'enable' || verb === 'disable') {
        if (verb === 'enable') await err(`Synchronizing state of ${u.replace('.service', '')}.service with SysV service script with /usr/lib/systemd/systemd-sysv-install.\nExecuting: /usr/lib/systemd/systemd-sysv-install enable ${u.replace('.service', '')}\n`);
        continue;
      }
      if (u !== 'docker.service' && u !== 'docker.socket') continue;
      if (verb === 'stop') await err('Stopping \'docker.service\', but its triggering units are still active:\ndocker.socket\n');
      // docker.socket starts dockerd again at the next client call, so a stop ends like a restart.
      try {
        await daemon?.restartEngine();
      } catch (e) {
        // dockerd refused daemon.json: it stays down (a stop does not wait to see it fail).
        if (!(e instanceof DaemonError)) throw e;
        if (verb !== 'stop') {
          await err(`Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n`);
          return 1;
        }
      }
    }
    return 0;
  }
  if (verb === 'list-units') {
    await ctx.stdout.write('  UNIT                 LOAD   ACTIVE SUB     DESCRIPTION\n  containerd.service   loaded active running containerd container runtime\n  docker.service       loaded active running Docker Application Container Engine\n  docker.socket        loaded active running Docker Socket for the API\n');
    return 0;
  }
  await err(`Unknown command verb '${verb}'.\n`);
  return 1;
}

async function status(ctx: ProgramContext, units: string[], daemon: DaemonApi | undefined): Promise<number> {
  const now = ctx.sys.clock.now();
  let code = 0;
  const blocks: string[] = [];
  for (const u of units.length ? units : ['docker.service']) {
    const unit = UNITS[u];
    if (!unit) {
      await ctx.stderr.write(`Unit ${u} could not be found.\n`);
      code = 4;
      continue;
    }
    const p = u === 'docker.service' ? daemon?.engineProcess() : undefined;
    const proc = p ?? ctx.sys.processes(ctx.proc).find((x) => x.argv[0]?.endsWith(u.replace('.service', '')));
    const pid = proc?.pid ?? 0;
    const since = proc ? (p ? p.startTime : (proc as { startTime: number }).startTime) : now;
    const failure = u === 'docker.service' ? daemon?.engineFailed() : undefined;
    const lines = [
      `${failure ? '×' : '●'} ${u} - ${unit.description}`,
      `     Loaded: loaded (/usr/lib/systemd/system/${u}; enabled; preset: enabled)`,
      failure
        ? `     Active: failed (Result: exit-code) since ${stamp(since)}; ${ago(now - since)}`
        : `     Active: active (running) since ${stamp(since)}; ${ago(now - since)}`,
      ...(unit.triggeredBy ? [`TriggeredBy: ${failure ? '×' : '●'} ${unit.triggeredBy}`] : []),
      `       Docs: ${unit.docs}`,
    ];
    if (failure) {
      lines.push(`    Process: ${pid} ExecStart=${unit.exec} (code=exited, status=1/FAILURE)`, `   Main PID: ${pid} (code=exited, status=1/FAILURE)`, '        CPU: 61ms');
      if (ctx.proc.info.cred.uid === 0) {
        lines.push('', `${journalStamp(since)} ${ctx.sys.hostname()} dockerd[${pid}]: ${failure}`, `${journalStamp(since)} ${ctx.sys.hostname()} systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE`, `${journalStamp(since)} ${ctx.sys.hostname()} systemd[1]: docker.service: Failed with result 'exit-code'.`, `${journalStamp(since)} ${ctx.sys.hostname()} systemd[1]: Failed to start docker.service - ${unit.description}.`);
      }
      code = 3;
    } else {
      lines.push(`   Main PID: ${pid} (${unit.exec.split(' ')[0].split('/').pop()})`, `      Tasks: ${u === 'docker.service' ? 11 : 9}`, `     Memory: ${u === 'docker.service' ? '31.4M (peak: 33.0M)' : '18.9M (peak: 19.4M)'}`, `        CPU: ${u === 'docker.service' ? '1.102s' : '612ms'}`, `     CGroup: /system.slice/${u}`, `             └─${pid} ${unit.exec}`);
    }
    blocks.push(lines.join('\n') + '\n');
  }
  await ctx.stdout.write(blocks.join('\n'));
  return code;
}

/** `service docker restart`: the SysV front end, which hands the work to systemctl. */
export async function service(ctx: ProgramContext): Promise<number> {
  const [name, verb] = ctx.argv.slice(1);
  if (!name || !verb) {
    await ctx.stderr.write('Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n');
    return 1;
  }
  return systemctl({ ...ctx, argv: ['systemctl', verb, name] });
}
