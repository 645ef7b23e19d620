/**
 * GET /containers/{id}/stats: one sample of a container's cgroup (moby's daemon/stats.go reads
 * them from the cgroup files). A function of the container service (`this`), see containers.ts.
 */
import type { ContainerService } from './containers';
import type { Container } from '../container/container';
import { HOST_MEMORY, MemoryCgroup } from '../process/cgroup';
import type { MutableLayer } from '../fs/layer';
import type { Overlay } from '../fs/overlay';

/**
 * GET /containers/{id}/stats (one sample). CPU % is the cgroup's CPU time over the last second
 * (the daemon primes two samples a second apart for a non-streamed answer); memory is a
 * believable figure from the processes and the writable layer, capped by the memory limit.
 */
export function stats(this: ContainerService, ref: string): { id: string; name: string; cpu: number; mem: number; limit: number; netRx: number; netTx: number; blockRead: number; blockWrite: number; pids: number } {
  const c = this.get(ref);
  const procs = c.running ? this.processesOf(c) : [];
  const limit = c.hostConfig.Memory > 0 ? c.hostConfig.Memory : HOST_MEMORY;
  const held = (c as Container & { cgroup?: MemoryCgroup }).cgroup?.usage ?? 0;
  const mem = c.running ? Math.min(limit, 520_192 * procs.length + writableSize(c) + 1_048_576 + held) : 0;
  const secs = c.running ? Math.floor((this.d.clock.now() - c.state.StartedAt) / 1000) : 0;
  return {
    id: c.id, name: c.name, cpu: c.running ? (c as Container & { cgroup?: MemoryCgroup }).cgroup?.cpuPercent(this.d.clock.now()) ?? 0 : 0, mem, limit: c.running ? limit : 0,
    netRx: c.running ? 796 + 40 * Math.min(secs, 600) : 0, netTx: 0,
    blockRead: 0, blockWrite: c.running ? writableSize(c) : 0, pids: procs.length,
  };
}

export function writableSize(c: Container): number {
  const upper = (c.rootfs as Overlay).upper as MutableLayer;
  try {
    return upper.freeze().size;
  } catch {
    return 0;
  }
}
