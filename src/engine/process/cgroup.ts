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
   * The pids controller of the same cgroup (cgroup v2 keeps every controller of a container in one
   * directory): `docker run --pids-limit N` sets pids.max; fork and clone fail with EAGAIN once
   * `pids` processes are in the group. 0 means no limit.
   */
  pidsMax = 0;
  pids = 0;
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
  static forContainer(memory: number, memorySwap: number, hostTotal: number, pidsLimit = 0): MemoryCgroup {
    const swap = memorySwap === -1 ? hostTotal : memorySwap > 0 ? memorySwap : memory * 2;
    const cg = memory ? new MemoryCgroup(memory, Math.min(swap, hostTotal)) : new MemoryCgroup(hostTotal);
    // Docker treats 0 and -1 as unlimited.
    cg.pidsMax = pidsLimit > 0 ? pidsLimit : 0;
    return cg;
  }
}

/** The host's memory as `free` reports it; the host cgroup's limit. */
export const HOST_MEMORY = 8_323_616_768;

/**
 * The most processes the simulated machine holds at once (the kernel's threads-max). A real machine
 * of this size allows tens of thousands, but each simulated process is a live JavaScript closure
 * with its own shell state; past a few thousand a fork bomb would exhaust the browser tab before
 * the kernel said no. At this number fork returns EAGAIN, as it does when a real machine is full.
 */
export const MAX_PROCESSES = 2048;
/**
 * RLIMIT_NPROC of the learner's login (what `ulimit -u` shows on the host): processes one non-root
 * user may own. Lower than MAX_PROCESSES so that a fork bomb at the host prompt leaves room for
 * the daemon, containers and root.
 */
export const USER_MAX_PROCESSES = 1024;
