/**
 * The client's signal proxy (`--sig-proxy`, on by default): while `docker run` or `docker attach`
 * waits on a container, the signals the client process gets (Ctrl-C is SIGINT) are sent on to
 * the container, as docker-cli's ForwardAllSignals does. A PID 1 with no handler for them ignores
 * them and the client stays attached; a learner has no second terminal to stop it from, so the
 * simulator lets go on the third Ctrl-C and says so.
 */
import type { DaemonApi } from '../../../api/daemon';
import type { RunContext } from '../../framework/types';

/** The signals forwarded (notifyAllSignals minus the ones Go's runtime keeps to itself). */
const PROXIED: [number, string][] = [[1, 'SIGHUP'], [2, 'SIGINT'], [3, 'SIGQUIT'], [10, 'SIGUSR1'], [12, 'SIGUSR2'], [15, 'SIGTERM']];

/**
 * Forward the client's signals to container `id` until the returned function is called.
 * `letGo` runs after the third Ctrl-C, once the simulator's note is written.
 */
export function proxySignals(ctx: RunContext, d: DaemonApi, id: string, letGo: () => void): () => void {
  const onSignal = ctx.io.onSignal;
  if (!onSignal) return () => {};
  let interrupts = 0;
  for (const [num, name] of PROXIED) {
    onSignal(num, () => {
      void d.containerKill(id, name).catch(() => {});
      if (num === 2 && ++interrupts === 3) {
        void ctx.io.stderr.write(`\n(simulator) The container ignores the interrupt (its PID 1 has no handler for it), so docker stays attached; letting go. It is still running: docker stop ${id.slice(0, 12)}\n`).then(letGo, letGo);
      }
    });
  }
  return () => {
    for (const [num] of PROXIED) onSignal(num, undefined);
  };
}
