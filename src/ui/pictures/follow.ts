/**
 * Keeps a picture's copy of the machine's snapshot fresh: one fetch at once, then one after each
 * batch of events the picture draws from. A fetch asked for while one is under way runs once more
 * after it, not once per event, so a burst of events (a build, a busy container) costs two
 * fetches, and the picture always ends on the latest state.
 */
import { describe, onEvents, type MachineEvent, type MachineView } from '../client';

/** Start following; returns the stop (call it when the picture goes away). */
export function followSnapshot(name: string, relevant: (e: MachineEvent) => boolean, apply: (view: MachineView) => void): () => void {
  let fetching = false;
  let dirty = false;
  async function refresh(): Promise<void> {
    if (fetching) {
      dirty = true;
      return;
    }
    fetching = true;
    try {
      do {
        dirty = false;
        apply(await describe());
      } while (dirty);
    } catch (e) {
      console.warn(`[${name}] describe failed`, e);
    } finally {
      fetching = false;
    }
  }
  void refresh();
  return onEvents((events) => {
    if (events.some(relevant)) void refresh();
  });
}
