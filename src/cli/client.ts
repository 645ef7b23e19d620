/**
 * The docker client as one object the machine is given at boot (src/api/client.ts): the `docker`
 * CLI, Compose, and the client's Tab completion. Their code is chunks of their own in the worker
 * build, loaded by the first `docker` command or Tab, or by `prefetch` once the prompt is up
 * (issue 16: the first prompt needs only the shell). Each load is tracked as real work
 * (src/lib/realwork.ts), so virtual time stands still while it loads.
 */
import type { DockerClient } from '../api/client';
import { trackRealWork } from '../lib/realwork';
import { isComposeVerb, runCompose } from './compose/lazy';

/** A module loaded once; a failed load (the page went offline) is tried again next time. */
function loader<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= trackRealWork(load()).catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
}

const cli = loader(() => import('./framework/cli'));
const completion = loader(() => import('./completion/complete'));

export const dockerClient: DockerClient = {
  async docker(argv, io, daemon) {
    let m: Awaited<ReturnType<typeof cli>>;
    try {
      m = await cli();
    } catch (e) {
      await io.stderr.write(`docker: cannot load this program's code: ${e instanceof Error ? e.message : String(e)}\n`);
      return 126;
    }
    return m.runDockerCli(argv, io, daemon);
  },
  compose: runCompose,
  isComposeVerb,
  async complete(command, req, sources) {
    try {
      return (await completion()).completeDocker(command, req, sources);
    } catch {
      return [];
    }
  },
  async prefetch() {
    await Promise.all([cli(), completion()]).catch(() => undefined);
  },
};
