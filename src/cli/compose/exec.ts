/**
 * `docker compose exec SERVICE COMMAND…` (cmd/compose/exec.go, pkg/compose/exec.go): a command in
 * the service's running container (`--index N` for a replica), with a TTY by default when the
 * output is a terminal (`-T` turns it off); the command's exit status is compose's.
 */
import { DaemonError } from '../../api/daemon';
import { execCommand, type ExecOptions } from '../commands/shared/exec';
import { bool, list, num, str } from './flags';
import { ComposeError, type ComposeCtx, type VerbHandler } from './context';
import { projectContainers, type ProjectContainer } from './labels';

/** getSpecifiedContainer: the service's container number `index` (or the first running one). */
export async function serviceContainer(c: ComposeCtx, project: string, service: string, index: number): Promise<ProjectContainer> {
  const all = (await projectContainers(c.d, project, { all: true })).filter((x) => x.service === service);
  const running = all.filter((x) => x.state === 'running');
  if (index > 0) {
    const hit = running.find((x) => x.number === index);
    if (!hit) throw new ComposeError(`service "${service}" is not running container #${index}`);
    return hit;
  }
  if (!running.length) throw new ComposeError(`service "${service}" is not running`);
  return running[0]!;
}

/** `-e KEY` takes its value from the environment, `-e KEY=VALUE` as given. */
export function envFlags(c: ComposeCtx, values: string[]): string[] {
  return values.flatMap((e) => (e.includes('=') ? [e] : c.io.env[e] !== undefined ? [`${e}=${c.io.env[e]}`] : []));
}

export const execVerb: VerbHandler = async (c, args, flags, changed) => {
  if (args.length < 2) throw new ComposeError(`requires at least 2 arg(s), only received ${args.length}`);
  const [service, ...cmd] = args as [string, ...string[]];
  const { name, project } = await c.projectName();
  if (project && !project.services[service]) throw new ComposeError(`no such service: ${service}`);
  const ctr = await serviceContainer(c, name, service, num(flags, 'index'));
  const noTty = changed.has('no-tty') ? bool(flags, 'no-tty') : !c.io.stdoutIsTTY;
  const opts: ExecOptions = {
    cmd,
    env: envFlags(c, list(flags, 'env')),
    workdir: str(flags, 'workdir') || undefined,
    user: str(flags, 'user') || undefined,
    tty: !noTty,
    stdin: c.io.stdin,
    onOutput: (stream, data) => (stream === 'stderr' ? c.err(data) : c.out(data)),
  };
  try {
    // a failing command exits with its status and no message (exec.go calls os.Exit)
    return await execCommand(c.d, ctr.id, opts, bool(flags, 'detach'));
  } catch (e) {
    if (e instanceof DaemonError) throw new ComposeError(e.message.startsWith('OCI runtime') ? e.message : `Error response from daemon: ${e.message}`, 126);
    throw e;
  }
};
