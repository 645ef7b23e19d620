/**
 * `lsns` (util-linux 2.39): the namespaces of the processes the caller may inspect.
 *
 * Like the real one it reads procfs: for each `/proc/<pid>` it reads the `ns/*` links and the
 * owner, so it sees the PID namespace the caller is in and shows one line per namespace with the
 * number of processes in it and its lowest PID's user and command line. A non-root user may not
 * inspect other users' processes (ptrace access rules), so the learner sees only their own.
 * Columns are libsmartcols' with lsns's width hints (NS 10, TYPE 5, NPROCS 5, PID 5).
 * Left out: the tree and list modes (-T, -l), -o/--output, -J/--json, PPID/PATH/NETNSID columns.
 */
import type { ProgramContext } from '../process/types';
import { Io, Users } from './lib/io';
import { BASE_NS_TYPES } from '../process/namespaces';

const TYPES: readonly string[] = BASE_NS_TYPES;

interface Ns {
  id: number;
  type: string;
  procs: number;
  pid: number;
  uid: number;
  command: string;
}

const USAGE = `
Usage:
 lsns [options] [<namespace>]

List system namespaces.

Options:
 -J, --json             use JSON output format
 -l, --list             use list format output
 -n, --noheadings       don't print headings
 -o, --output <list>    define which output columns to use
     --output-all       output all columns
 -P, --persistent       namespaces without processes
 -p, --task <pid>       print process namespaces
 -r, --raw              use the raw output format
 -u, --notruncate       don't truncate text in columns
 -W, --nowrap           don't use multi-line representation
 -t, --type <name>      namespace type (mnt, net, ipc, user, pid, uts, cgroup, time)
 -T, --tree <rel>       use tree format (parent, owner, or process)

 -h, --help             display this help
 -V, --version          display version
`;

export async function lsns(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'lsns');
  const args = ctx.argv.slice(1);
  let only: string | undefined;
  let task: number | undefined;
  let headings = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => args[++i];
    if (a === '-h' || a === '--help') {
      await io.out(USAGE);
      return 0;
    } else if (a === '-V' || a === '--version') {
      await io.out('lsns from util-linux 2.39.3\n');
      return 0;
    } else if (a === '-n' || a === '--noheadings') headings = false;
    else if (a === '-t' || a === '--type' || a.startsWith('--type=')) {
      only = a.includes('=') ? a.slice(a.indexOf('=') + 1) : value();
      if (!only || !TYPES.includes(only)) {
        await io.err(`unknown namespace type: ${only ?? ''}`);
        return 1;
      }
    } else if (a === '-p' || a === '--task' || a.startsWith('--task=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : value();
      if (!v || !/^\d+$/.test(v)) {
        await io.err(`invalid PID argument: '${v ?? ''}'`);
        return 1;
      }
      task = Number(v);
    } else if (a.startsWith('-')) return io.usage(a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`);
    else {
      await io.err(`namespace identifier is not supported yet in this simulator: ${a}`);
      return 1;
    }
  }
  const fs = ctx.fs;
  const me = ctx.proc.info.cred.uid;
  const found = new Map<string, Ns>();
  let pids: number[];
  try {
    pids = fs.readdir('/proc').filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  } catch {
    await io.err('cannot open /proc');
    return 1;
  }
  if (task !== undefined && !pids.includes(task)) {
    await io.err(`cannot open /proc/${task}/ns/${only ?? 'user'}: No such file or directory`);
    return 1;
  }
  const want = new Set<string>();
  if (task !== undefined) {
    for (const t of TYPES) {
      try {
        want.add(fs.readlink(`/proc/${task}/ns/${t}`));
      } catch {
        /* gone */
      }
    }
  }
  for (const pid of pids) {
    let uid: number;
    let command: string;
    try {
      uid = fs.stat(`/proc/${pid}`).uid;
      // ptrace access: only root may look into other users' processes.
      if (me !== 0 && uid !== me) continue;
      command = fs.readText(`/proc/${pid}/cmdline`).replace(/\0$/, '').split('\0').join(' ');
    } catch {
      continue; // the process ended meanwhile
    }
    for (const type of TYPES) {
      if (only && type !== only) continue;
      let link: string;
      try {
        link = fs.readlink(`/proc/${pid}/ns/${type}`);
      } catch {
        continue;
      }
      if (want.size && !want.has(link)) continue;
      const m = /\[(\d+)\]/.exec(link);
      if (!m) continue;
      const ns = found.get(link);
      if (ns) ns.procs++;
      else found.set(link, { id: Number(m[1]), type, procs: 1, pid, uid, command });
    }
    await io.tick();
  }
  const users = new Users(fs);
  const rows = [...found.values()].sort((a, b) => a.id - b.id).map((n) => [String(n.id), n.type, String(n.procs), String(n.pid), users.userName(n.uid) ?? String(n.uid), n.command]);
  const head = ['NS', 'TYPE', 'NPROCS', 'PID', 'USER', 'COMMAND'];
  const hints = [10, 5, 5, 5, 0, 0];
  const right = [true, false, true, true, false, false];
  const all = headings ? [head, ...rows] : rows;
  const widths = head.map((h, i) => Math.max(hints[i], ...all.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' ').trimEnd() + '\n';
  await io.out(all.map(line).join(''));
  return 0;
}
