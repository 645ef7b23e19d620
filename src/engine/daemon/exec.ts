/**
 * `docker exec`: a new process in a running container's namespaces (the same PID namespace, host
 * name and filesystem as its PID 1), started under the container's shim, as runc exec does.
 */
import type { Container } from '../container/container';
import { containerEnv, resolveUser, RuntimeError, withHome } from '../container/runtime';
import { isFsError } from '../../api/fs';
import type { Kernel, Proc } from '../process/kernel';
import { Pty } from '../process/pty';
import type { ReadStream, WriteStream } from '../process/types';
import { DaemonError } from '../../api/daemon';

const OCI = 'OCI runtime exec failed: exec failed: unable to start container process:';

export interface ExecOptions {
  cmd: string[];
  env?: string[];
  workdir?: string;
  user?: string;
  tty?: boolean;
  /** The caller's terminal (for -it) or input (for -i). */
  stdin?: ReadStream;
  terminal?: Pty;
  onOutput: (stream: 'stdout' | 'stderr', data: string) => Promise<void> | void;
  detachKeys?: string[];
}

export function execInContainer(kernel: Kernel, c: Container, shim: Proc | undefined, opts: ExecOptions): { proc: Proc; unlink: () => void } {
  if (!c.running || !c.init) throw new DaemonError(`container ${c.id} is not running`, 409);
  if (c.state.Paused) throw new DaemonError(`Container ${c.id} is paused, unpause the container before exec`, 409);
  const ctx = c.init.ctx;
  const rootView = ctx.fsRoot.view({ uid: 0, gid: 0, groups: [0] }, '/');
  let cred;
  try {
    cred = opts.user ? resolveUser(rootView, opts.user) : { ...c.init.info.cred, groups: [...c.init.info.cred.groups] };
  } catch (e) {
    // runc fails to start the process: the CLI shows the runtime's words and exits 126.
    if (e instanceof RuntimeError) throw new DaemonError(e.message, 400, e.exitCode);
    throw e;
  }
  const env = withHome(containerEnv([...c.config.Env, ...(opts.env ?? [])], c.config.Hostname, !!opts.tty), rootView, cred.uid);
  const cwd = opts.workdir || c.config.WorkingDir || '/';
  const fs = ctx.fsRoot.view(cred, cwd);
  const cmd = opts.cmd[0];
  const path = kernel.systemFor(c.init).which(cmd, env, fs);
  if (!path) {
    throw new DaemonError(
      cmd.includes('/')
        ? `${OCI} exec: "${cmd}": stat ${cmd}: no such file or directory: unknown`
        : `${OCI} exec: "${cmd}": executable file not found in $PATH: unknown`,
      400,
    );
  }
  let stdin: ReadStream = { isTTY: false, read: async () => null, close() {} };
  let stdout: WriteStream;
  let stderr: WriteStream;
  let unlink = () => {};
  const dec = new TextDecoder();
  if (opts.tty) {
    const pty = new Pty();
    pty.signalGroup = (pgid, sig) => kernel.signalGroup(pgid, sig);
    stdin = pty.reader;
    stdout = stderr = pty.writer;
    if (opts.terminal) unlink = opts.terminal.link(pty);
    else pty.onOutput((s) => void opts.onOutput('stdout', s));
    (stdin as ReadStream & { ptyRef?: Pty }).ptyRef = pty;
  } else {
    const w = (stream: 'stdout' | 'stderr'): WriteStream => ({
      isTTY: false,
      write: async (chunk) => {
        await opts.onOutput(stream, typeof chunk === 'string' ? chunk : dec.decode(chunk));
      },
      close() {},
    });
    stdout = w('stdout');
    stderr = w('stderr');
    // Without -t the process gets a pipe, not the caller's terminal: no prompt, no line editing.
    if (opts.stdin) {
      const inner = opts.stdin;
      stdin = { isTTY: false, read: (signal) => inner.read(signal), close: () => {} };
    }
  }
  try {
    const proc = kernel.spawn({ argv: opts.cmd, path, env, cwd, stdin, stdout, stderr, cred, ctx, newProcessGroup: true, newSession: true }, shim ?? c.init);
    const pty = (stdin as ReadStream & { ptyRef?: Pty }).ptyRef;
    if (pty) pty.foregroundPgid = proc.info.pgid;
    return { proc, unlink };
  } catch (e) {
    unlink();
    if (isFsError(e, 'EACCES')) throw new DaemonError(`${OCI} exec: "${cmd}": permission denied: unknown`, 400);
    throw e;
  }
}
