/**
 * Containers that were running when a machine was saved, started again when it is taken back
 * (undo, redo, a restored session, a share link's snapshot).
 *
 * A snapshot cannot hold a running program (see ../snapshot.ts), so without this a learner who
 * undoes `docker rm -f db` would find every other container "Exited (255)", as a reboot leaves
 * them. Here their main processes start afresh from their saved configuration, as dockerd does at
 * boot for a container whose restart policy is `always`: what they had in memory is gone, their
 * files are as saved, their start-up lines appear again in `docker logs`, and they get new PIDs.
 * `StartedAt` keeps the saved time, so `docker ps` goes on counting "Up …" from the first start.
 */
import type { ContainerService } from './containers';

export interface WasRunning {
  id: string;
  paused: boolean;
  startedAt: number;
}

/** Start each again; one that cannot start (a port taken since) is left exited, as dockerd would. */
export function resumeContainers(containers: ContainerService, was: WasRunning[]): void {
  for (const w of was) {
    try {
      containers.start(w.id);
      const c = containers.get(w.id);
      c.state = { ...c.state, StartedAt: w.startedAt };
      if (w.paused) containers.pause(w.id);
    } catch {
      /* stays "Exited (255)" */
    }
  }
}
