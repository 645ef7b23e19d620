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
  /** The cpu controller: CPU time used by the group's processes, in ms (cpu.stat usage_usec / 1000). */
  cpuMs = 0;
  /** Recent (time, cumulative cpuMs) points, at most one per 50 ms over the last 2 s, for CPU %. */
  private cpuLog: Array<[number, number]> = [];
  private cpuTrimmed = 0;
  /**
   * cpu.max as a number of CPUs (`--cpus`; 0 = max). A process of a group below one CPU waits out
   * the rest of each period: in virtual time a 10 ms slice then takes 10/cpus ms (CFS throttling).
   */
  cpus = 0;
  /** When the group was created (a rate over a younger group uses its age). */
  createdAt = 0;
  /**
   * @param limit memory.max in bytes (what `docker stats` shows as LIMIT)
   * @param oomAt memory + swap in bytes: where the OOM killer acts
   */
  constructor(
    public limit: number,
    public oomAt: number = limit,
  ) {}

  chargeCpu(ms: number, now: number): void {
    this.cpuMs += ms;
    const last = this.cpuLog[this.cpuLog.length - 1];
    if (last && now - last[0] < 50) last[1] = this.cpuMs;
    else this.cpuLog.push([now, this.cpuMs]);
    while (this.cpuLog.length > 1 && this.cpuLog[0][0] < now - 2000) this.cpuTrimmed = this.cpuLog.shift()![1];
  }

  /**
   * CPU use over the last second as a percentage of one CPU (docker stats' CPU %: the usage delta
   * between two samples a second apart over the system delta, times the number of CPUs).
   */
  cpuPercent(now: number): number {
    const from = now - 1000;
    let before = this.cpuTrimmed;
    let any = false;
    for (const [t, v] of this.cpuLog) {
      if (t <= from) before = v;
      else any = true;
    }
    if (!any) return 0;
    const span = Math.max(10, Math.min(1000, now - this.createdAt));
    return ((this.cpuMs - before) / span) * 100;
  }

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

/** The host's CPUs (`nproc`, `docker info`'s NCPU): the most `--cpus` may ask for. */
export const HOST_CPUS = 2;

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
