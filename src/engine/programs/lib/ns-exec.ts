/**
 * The last step of nsenter and unshare: run the program as a child in the process context they
 * built (other namespaces, another root), and wait for it. The wording and exit codes are
 * util-linux's errexec: `failed to execute PROG: <strerror>`, 127 when PROG is not found, 126
 * when it is found but cannot be run.
 */
import type { Proc, ProcContext } from '../../process/kernel';
import { isFsError } from '../../../api/fs';
import { errText, type Io } from './io';

export async function execInContext(io: Io, program: string, argv: string[], childCtx: ProcContext, cwd: string): Promise<number> {
  const ctx = io.ctx;
  const self = ctx.proc as Proc;
  // PATH is searched in the new root: after entering a mount namespace the program is the container's.
  const path = ctx.sys.which(program, ctx.env, childCtx.fsRoot.view(self.info.cred, cwd));
  if (!path) {
    await io.err(`failed to execute ${program}: No such file or directory`);
    return 127;
  }
  try {
    await self.kernel.forkCost(self);
    const child = self.kernel.spawn({ argv, path, env: ctx.env, cwd, stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, ctx: childCtx }, self);
    return await child.wait();
  } catch (e) {
    await io.err(`failed to execute ${program}: ${errText(e)}`);
    return isFsError(e, 'EACCES') ? 126 : 127;
  }
}
