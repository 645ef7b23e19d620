/** The learner's login shell on a terminal: `-bash` as uid 1000 in the home folder. */
import type { Cred } from '../../api/fs';
import type { Proc } from '../process/kernel';
import type { Pty } from '../process/pty';

interface Host {
  kernel: import('../process/kernel').Kernel;
  hostCtx: import('../process/kernel').ProcContext;
  systemd: Proc;
}

export function startInteractiveShell(m: Host, pty: Pty, cred: Cred, env: Record<string, string>, home: string): Proc {
  const proc = m.kernel.spawn(
    {
      argv: ['bash'],
      path: '/usr/bin/bash',
      env,
      cwd: home,
      stdin: pty.reader,
      stdout: pty.writer,
      stderr: pty.writer,
      cred,
      ctx: m.hostCtx,
      newProcessGroup: true,
    },
    m.systemd,
  );
  pty.foregroundPgid = proc.info.pgid;
  return proc;
}
