/**
 * Running another program from a program (env, xargs, sudo, find -exec): resolve argv[0] through
 * PATH with sys.which, spawn it with this process's stdio unless told otherwise, wait for it.
 * Returns the child's status, or 'notfound' / an FsError code so each caller can word the
 * failure the way its real counterpart does.
 */
import type { ProgramContext, ReadStream, WriteStream } from '../../process/types';
import type { Cred } from '../../../api/fs';
import { isFsError } from '../../../api/fs';

export interface RunOpts {
  env?: Record<string, string>;
  cwd?: string;
  cred?: Cred;
  stdin?: ReadStream;
  stdout?: WriteStream;
  stderr?: WriteStream;
}

export type RunResult = { status: number } | { error: 'ENOENT' | 'EACCES' | 'ENOEXEC'; message: string };

export async function runCommand(ctx: ProgramContext, argv: string[], o: RunOpts = {}): Promise<RunResult> {
  const env = o.env ?? ctx.env;
  const fs = o.cred ? ctx.fs.withCred(o.cred) : ctx.fs;
  const path = ctx.sys.which(argv[0], env, o.cwd ? fs.withCwd(o.cwd) : fs);
  if (!path) return { error: 'ENOENT', message: 'No such file or directory' };
  try {
    const child = await ctx.sys.spawn({
      argv,
      path,
      env,
      cwd: o.cwd ?? ctx.fs.cwd,
      stdin: o.stdin ?? ctx.stdin,
      stdout: o.stdout ?? ctx.stdout,
      stderr: o.stderr ?? ctx.stderr,
      cred: o.cred ?? ctx.fs.cred,
    });
    return { status: await child.wait() };
  } catch (e) {
    if (isFsError(e) && (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'ENOEXEC')) return { error: e.code, message: e.message };
    throw e;
  }
}
