/**
 * A container's state changes after start: wait, stop, kill, restart, pause, unpause, rename and
 * remove (one or, with prune, all stopped ones), as moby's daemon/stop.go, kill.go, pause.go,
 * rename.go and delete.go do them, with their events. The signal mechanics are in lifecycle.ts.
 * Functions of the container service (`this`), see containers.ts.
 */
import type { ContainerService } from './containers';
import type { Container } from '../container/container';
import { killContainer, stopContainer } from './lifecycle';
import { DaemonError } from '../../api/daemon';
import { containerEvent } from './event-log';
import { VALID_NAME } from '../container/names';
import { writableSize } from './container-stats';

export async function wait(this: ContainerService, ref: string): Promise<{ StatusCode: number }> {
  const c = this.get(ref);
  const code = await c.waitExit();
  return { StatusCode: code };
}

export function remove(this: ContainerService, ref: string, opts: { force: boolean; volumes: boolean }): void {
  const c = this.get(ref);
  if (c.state.Paused && !opts.force) throw new DaemonError(`cannot remove container "${ref}": container is paused and must be unpaused first`, 409);
  if (c.running && !opts.force) {
    throw new DaemonError(`cannot remove container "${ref}": container is running: stop the container before removing or force remove`, 409);
  }
  if (c.running && c.init) {
    c.stoppedByUser = true;
    this.killed(c)(9);
    c.init.terminate(137);
  }
  this.removeNow(c);
  if (opts.volumes) this.removeAnonymousVolumes(c);
}

/** `rm -v` and `--rm`: the container's anonymous volumes go with it (named ones stay). */
export function removeAnonymousVolumes(this: ContainerService, c: Container): void {
  for (const m of c.mounts) {
    if (m.Type === 'volume' && m.Name && this.d.volumes?.isAnonymous(m.Name) && this.volumeUsers(m.Name).length === 0) {
      this.d.volumes.remove(m.Name, true);
    }
  }
}

export function removeNow(this: ContainerService, c: Container): void {
  this.containers.delete(c.id);
  const chains = this.layerChains.get(c.id);
  if (chains) {
    for (const chain of this.d.store.releaseLayers(chains)) this.d.events.emit({ type: 'layer.deleted', diffId: chain });
    this.layerChains.delete(c.id);
  }
  this.d.events.emit({ type: 'container.removed', id: c.id });
  containerEvent(this.d.events, c, 'destroy');
}

export async function stop(this: ContainerService, ref: string, opts: { timeout?: number; signal?: string }): Promise<void> {
  const c = this.get(ref);
  if (c.state.Status === 'restarting') {
    c.stoppedByUser = true;
    c.state = { ...c.state, Status: 'exited', Restarting: false };
    return;
  }
  const wasRunning = c.running;
  await stopContainer(c, this.d.clock, opts, this.killed(c));
  if (wasRunning) containerEvent(this.d.events, c, 'stop');
}

/** moby logs every signal it sends a container as a `kill` event. */
export function killed(this: ContainerService, c: Container): (sig: number) => void {
  return (sig) => containerEvent(this.d.events, c, 'kill', { signal: String(sig) });
}

export function kill(this: ContainerService, ref: string, signal?: string): void {
  const c = this.get(ref);
  killContainer(c, ref, signal, this.killed(c));
}

export async function restart(this: ContainerService, ref: string, opts: { timeout?: number; signal?: string }): Promise<void> {
  const c = this.get(ref);
  await stopContainer(c, this.d.clock, opts, this.killed(c));
  this.start(ref);
  containerEvent(this.d.events, c, 'restart');
}

export function pause(this: ContainerService, ref: string): void {
  const c = this.get(ref);
  if (!c.running || !c.init) throw new DaemonError(`Container ${c.id} is not running`, 409);
  if (c.state.Paused) throw new DaemonError(`Container ${c.id} is already paused`, 409);
  for (const p of this.processesOf(c)) p.stop();
  c.state = { ...c.state, Status: 'paused', Paused: true };
  this.d.events.emit({ type: 'container.state', id: c.id, state: 'paused' });
  containerEvent(this.d.events, c, 'pause');
}

export function unpause(this: ContainerService, ref: string): void {
  const c = this.get(ref);
  if (!c.state.Paused) throw new DaemonError(`Container ${c.id} is not paused`, 409);
  for (const p of this.processesOf(c)) p.resume();
  c.state = { ...c.state, Status: 'running', Paused: false };
  this.d.events.emit({ type: 'container.state', id: c.id, state: 'running' });
  containerEvent(this.d.events, c, 'unpause');
}

export function rename(this: ContainerService, ref: string, name: string): void {
  const c = this.get(ref);
  const n = name.replace(/^\//, '');
  if (!VALID_NAME.test(n)) throw new DaemonError(`Invalid container name (${n}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 400);
  if (n === c.name) throw new DaemonError(`Renaming a container with the same name as its current name`, 400);
  const taken = [...this.containers.values()].find((x) => x.name === n);
  if (taken) throw new DaemonError(`Error when allocating new name: Conflict. The container name "/${n}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`, 409);
  const oldName = c.name;
  c.name = n;
  containerEvent(this.d.events, c, 'rename', { oldName: '/' + oldName.replace(/^\//, '') });
}

export function prune(this: ContainerService): { ContainersDeleted: string[] | null; SpaceReclaimed: number } {
  const deleted: string[] = [];
  let space = 0;
  for (const c of [...this.containers.values()]) {
    if (c.running || c.state.Paused) continue;
    space += writableSize(c);
    this.removeNow(c);
    deleted.push(c.id);
  }
  return { ContainersDeleted: deleted.length ? deleted : null, SpaceReclaimed: space };
}
