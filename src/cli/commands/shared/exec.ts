/** What `docker exec` and `docker compose exec` share once they know the container and the command. */
import type { DaemonApi } from '../../../api/daemon';

export type ExecOptions = Parameters<DaemonApi['containerExec']>[1];

/**
 * Start the command in the container; with `-d` leave it running and exit 0, otherwise wait and
 * exit with its status. A daemon refusal is thrown for the caller to word (the two CLIs differ).
 */
export async function execCommand(d: DaemonApi, container: string, opts: ExecOptions, detach: boolean): Promise<number> {
  const run = d.containerExec(container, opts);
  if (detach) {
    run.catch(() => {});
    return 0;
  }
  return await run;
}
