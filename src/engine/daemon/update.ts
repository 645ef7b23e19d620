/**
 * `docker update` and the resource checks `docker run`/`create` share (moby's
 * verifyContainerSettings / verifyPlatformContainerResources and daemon/update.go): a memory
 * limit below 6MB is refused; an update changes a container's HostConfig and, while it runs, its
 * memory cgroup, so `docker stats` and the OOM killer see the new limit at once.
 *
 * Left out: the CPU shares/quota/cpuset, blkio and pids flags are accepted but change nothing the
 * simulation measures; the AutoRemove conflict of a restart policy update.
 */
import { DaemonError } from '../../api/daemon';
import { HOST_CPUS, HOST_MEMORY, MemoryCgroup } from '../process/cgroup';
import type { Container } from '../container/container';

/** linuxMinMemory in moby's daemon_unix.go. */
const MIN_MEMORY = 6 * 1024 * 1024;

/** The checks of verifyPlatformContainerResources that a learner can run into. */
export function checkResources(h: { Memory?: unknown; MemorySwap?: unknown; NanoCpus?: unknown }): void {
  const nano = Number(h.NanoCpus ?? 0);
  // daemon_unix.go: the quota cannot exceed what the machine's CPUs can give in one period.
  if (nano < 0 || nano > HOST_CPUS * 1e9) throw new DaemonError(`range of CPUs is from 0.01 to ${HOST_CPUS}.00, as there are only ${HOST_CPUS} CPUs available`, 400);
  const memory = Number(h.Memory ?? 0);
  const swap = Number(h.MemorySwap ?? 0);
  if (memory !== 0 && memory < MIN_MEMORY) throw new DaemonError('Minimum memory limit allowed is 6MB', 400);
  if (memory > 0 && swap > 0 && swap < memory) throw new DaemonError('Minimum memoryswap limit should be larger than memory limit, see usage', 400);
}

export interface UpdateBody {
  Memory?: number;
  MemorySwap?: number;
  NanoCpus?: number;
  RestartPolicy?: { Name: string; MaximumRetryCount?: number };
}

/** Apply an update to a container (running or not); returns the daemon's warnings. */
export function updateContainer(c: Container & { cgroup?: MemoryCgroup }, body: UpdateBody): string[] {
  const h = c.hostConfig as Container['hostConfig'] & { MemorySwap?: number; NanoCpus?: number };
  const memory = body.Memory ?? 0;
  const swap = body.MemorySwap ?? 0;
  if (memory || swap || body.NanoCpus) checkResources({ Memory: memory || h.Memory, MemorySwap: swap || undefined, NanoCpus: body.NanoCpus });
  // daemon/update.go: a new limit above the swap limit already set needs the swap limit too.
  const curSwap = h.MemorySwap ?? 0;
  if (memory && !swap && curSwap > 0 && memory > curSwap) {
    throw new DaemonError(`Cannot update container ${c.id}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time`, 400);
  }
  if (memory) h.Memory = memory;
  if (swap) h.MemorySwap = swap;
  if (body.NanoCpus) h.NanoCpus = body.NanoCpus;
  if (body.NanoCpus && c.cgroup) c.cgroup.cpus = body.NanoCpus / 1e9;
  if (body.RestartPolicy?.Name) h.RestartPolicy = { Name: body.RestartPolicy.Name as typeof h.RestartPolicy.Name, MaximumRetryCount: body.RestartPolicy.MaximumRetryCount ?? 0 };
  if (c.cgroup && (memory || swap)) {
    const next = MemoryCgroup.forContainer(h.Memory, h.MemorySwap ?? 0, HOST_MEMORY);
    c.cgroup.setLimits(next.limit, next.oomAt);
  }
  return [];
}
