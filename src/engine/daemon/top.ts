/**
 * `docker top CONTAINER [ps OPTIONS]`: dockerd runs the host's `ps` with the options given (`-ef`
 * when none) and keeps the rows of the container's processes. Here the table is built from the
 * process table for the forms learners use: `-ef` (default), `aux`, and `-o`/`-eo`/`o` column
 * lists; other options fail as ps does, in the daemon's error.
 */
import type { ProcessInfo } from '../process/types';
import { DaemonError } from '../../api/daemon';

const USERS: Record<number, string> = { 0: 'root' };

const COLUMNS: Record<string, { title: string; value: (p: ProcessInfo, o: Opts) => string }> = {
  pid: { title: 'PID', value: (p) => String(p.pid) },
  ppid: { title: 'PPID', value: (p) => String(p.ppid) },
  user: { title: 'USER', value: (p) => USERS[p.cred.uid] ?? String(p.cred.uid) },
  uid: { title: 'UID', value: (p) => String(p.cred.uid) },
  comm: { title: 'COMMAND', value: (p) => (p.argv[0] ?? '').split('/').pop() ?? '' },
  args: { title: 'COMMAND', value: (p) => p.argv.join(' ') },
  cmd: { title: 'CMD', value: (p) => p.argv.join(' ') },
  command: { title: 'COMMAND', value: (p) => p.argv.join(' ') },
  tty: { title: 'TT', value: (_p, o) => o.tty },
  time: { title: 'TIME', value: () => '00:00:00' },
  etime: { title: 'ELAPSED', value: (p, o) => elapsed(o.now - p.startTime) },
  stat: { title: 'STAT', value: (p) => (p.state === 'stopped' ? 'T' : 'S') + (p.pid === p.sid ? 's' : '') },
  pcpu: { title: '%CPU', value: () => '0.0' },
  '%cpu': { title: '%CPU', value: () => '0.0' },
  pmem: { title: '%MEM', value: () => '0.0' },
  '%mem': { title: '%MEM', value: () => '0.0' },
  rss: { title: 'RSS', value: () => '1024' },
  vsz: { title: 'VSZ', value: () => '4400' },
};

interface Opts {
  now: number;
  tty: string;
}

function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h ? `${String(h).padStart(2, '0')}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function topTable(procs: ProcessInfo[], psArgs: string[], o: Opts): { Titles: string[]; Processes: string[][] } {
  const args = psArgs.join(' ').trim();
  const user = (p: ProcessInfo) => USERS[p.cred.uid] ?? String(p.cred.uid);
  if (!args || args === '-ef' || args === '-e -f' || args === '-f') {
    return {
      Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      Processes: procs.map((p) => [user(p), String(p.pid), String(p.ppid), '0', hhmm(p.startTime), o.tty, '00:00:00', p.argv.join(' ')]),
    };
  }
  if (/^-?a?ux?$|^-?aux$/.test(args) || args === 'aux' || args === 'au' || args === '-aux') {
    return {
      Titles: ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'],
      Processes: procs.map((p) => [user(p), String(p.pid), '0.0', '0.0', '4400', '1024', o.tty, COLUMNS.stat.value(p, o), hhmm(p.startTime), '0:00', p.argv.join(' ')]),
    };
  }
  const m = /^(?:-e\s*)?(?:-?o|-eo)\s*(\S+)$/.exec(args) ?? /^-eo(\S+)$/.exec(args);
  if (m) {
    const cols = m[1].split(',').map((c) => c.split('=')[0].toLowerCase());
    const bad = cols.find((c) => !COLUMNS[c]);
    if (bad) throw new DaemonError(`ps: exit status 1: error: unknown user-defined format specifier "${bad}"`, 500);
    return { Titles: cols.map((c) => COLUMNS[c].title), Processes: procs.map((p) => cols.map((c) => COLUMNS[c].value(p, o))) };
  }
  throw new DaemonError(`ps: exit status 1: error: unsupported option (BSD syntax)`, 500);
}
