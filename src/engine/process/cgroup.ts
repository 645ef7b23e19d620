/**
 * A memory cgroup: what `docker run -m` sets up. The kernel charges the memory a process holds
 * (programs that keep data, like `tail /dev/zero` buffering a line that never ends, call
 * `sys.charge`) to the cgroup of its container; past the limit the OOM killer picks the process
 * using the most memory in the group and sends it SIGKILL, and the container records OOMKilled.
 *
 * With `-m` alone Docker lets the container use as much swap again (MemorySwap = 2 × Memory), so
 * the kill comes at twice the limit while `docker stats` shows usage pinned at the limit.
 */
export class MemoryCgroup {
  usage = 0;
  oomKills = 0;
  /**
   * @param limit memory.max in bytes (what `docker stats` shows as LIMIT)
   * @param oomAt memory + swap in bytes: where the OOM killer acts
   */
  constructor(
    public limit: number,
    public oomAt: number = limit,
  ) {}

  /** `docker update -m`: new limits for a running container (the usage stays). */
  setLimits(limit: number, oomAt: number): void {
    this.limit = limit;
    this.oomAt = oomAt;
  }

  /** From a container's HostConfig (Memory, MemorySwap: 0 = default, -1 = unlimited swap). */
  static forContainer(memory: number, memorySwap: number, hostTotal: number): MemoryCgroup {
    if (!memory) return new MemoryCgroup(hostTotal);
    const swap = memorySwap === -1 ? hostTotal : memorySwap > 0 ? memorySwap : memory * 2;
    return new MemoryCgroup(memory, Math.min(swap, hostTotal));
  }
}

/** The host's memory as `free` reports it; the host cgroup's limit. */
export const HOST_MEMORY = 8_323_616_768;
