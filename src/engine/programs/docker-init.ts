/**
 * `docker run --init`: Docker bind-mounts its tini build as /sbin/docker-init and runs it as
 * PID 1 with the container's command after `--`. tini forwards the signals it gets to its child
 * and reaps orphans, so the command is no longer PID 1: its default actions apply again and
 * `docker stop` ends a shell loop at once (143) instead of after the grace period (137).
 */
import { SIGNALS, type ProgramContext } from '../process/types';

const FORWARDED = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGWINCH', 'SIGALRM'] as const;

export async function dockerInit(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    await ctx.stderr.write('tini (tini version 0.19.0)\nUsage: tini [OPTIONS] PROGRAM -- [ARGS] | --version\n');
    return 1;
  }
  const path = ctx.sys.which(args[0], ctx.env, ctx.fs);
  const fatal = (why: string) => ctx.stderr.write(`[FATAL tini (${ctx.proc.info.nsPid + 1})] exec ${args[0]} failed: ${why}\n`);
  if (!path) {
    await fatal('No such file or directory');
    return 127;
  }
  let child;
  try {
    child = await ctx.sys.spawn({ argv: args, path, env: ctx.env, cwd: ctx.fs.cwd, stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr });
  } catch (e) {
    await fatal(e instanceof Error ? e.message : String(e));
    return 126;
  }
  const c = child;
  for (const name of FORWARDED) ctx.proc.setSignal(SIGNALS[name], (sig) => c.kill(sig));
  return c.wait();
}
