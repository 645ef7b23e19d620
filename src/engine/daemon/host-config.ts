/**
 * A container's HostConfig as dockerd 28.5 keeps it: every field of moby's
 * api/types/container/hostconfig.go (v28.5.2) in its struct order, with what the CLI sends for an
 * unset flag (docker/cli cli/command/container/opts.go: empty lists for Dns*, Blkio* and Devices,
 * nil for the others) and the daemon's defaults filled in at create (daemon_unix.go
 * adaptContainerSettings and verifyPlatformContainerResources on cgroup v2: ShmSize 64 MiB, IpcMode
 * and CgroupnsMode "private", MemorySwappiness/OomKillDisable/PidsLimit nil; create_unix.go: the
 * default masked and read-only paths; the default runtime "runc"; the daemon's log driver).
 */
import type { HostConfig } from '../container/container';
import { DaemonError } from '../../api/daemon';

export const DEFAULT_SHM_SIZE = 64 * 1024 * 1024;

/** oci/defaults.go defaultLinuxMaskedPaths (no per-CPU thermal_throttle files on this host). */
const MASKED_PATHS = [
  '/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list',
  '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap',
];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** The options daemon/logger/jsonfilelog ValidateLogOpt accepts. */
const JSON_FILE_OPTS = new Set(['max-file', 'max-size', 'compress', 'labels', 'labels-regex', 'env', 'env-regex', 'tag']);

export interface LogConfig {
  Type: string;
  Config: Record<string, string>;
}

/**
 * mergeAndVerifyLogConfig: no driver means the daemon's (json-file), taking the daemon's log-opts
 * too; a json-file option it does not know is refused at create.
 */
export function verifyLogConfig(lc: Partial<LogConfig> | undefined, daemonDefault: LogConfig = { Type: 'json-file', Config: {} }): LogConfig {
  const type = lc?.Type || daemonDefault.Type;
  const config = { ...(lc?.Type ? {} : daemonDefault.Config), ...(lc?.Config ?? {}) };
  if (type === 'json-file') {
    for (const k of Object.keys(config)) {
      if (!JSON_FILE_OPTS.has(k)) throw new DaemonError(`unknown log opt '${k}' for json-file log driver`, 400);
    }
  }
  // A Go map: encoding/json writes its keys sorted.
  return { Type: type, Config: Object.fromEntries(Object.keys(config).sort().map((k) => [k, config[k]])) };
}

/** The full HostConfig, in moby's field order; fields the request set are kept as sent. */
export function completeHostConfig(h: Record<string, unknown>, logDefault?: LogConfig): HostConfig {
  const has = (k: string) => h[k] !== undefined;
  const v = <T>(k: string, dflt: T): T => (has(k) ? (h[k] as T) : dflt);
  const memory = Number(h.Memory ?? 0);
  const out: Record<string, unknown> = {
    Binds: v('Binds', null),
    ContainerIDFile: v('ContainerIDFile', ''),
    LogConfig: verifyLogConfig(h.LogConfig as Partial<LogConfig> | undefined, logDefault),
    NetworkMode: v('NetworkMode', 'bridge'),
    PortBindings: v('PortBindings', {}),
    RestartPolicy: v('RestartPolicy', { Name: 'no', MaximumRetryCount: 0 }),
    AutoRemove: v('AutoRemove', false),
    VolumeDriver: v('VolumeDriver', ''),
    VolumesFrom: v('VolumesFrom', null),
    ConsoleSize: v('ConsoleSize', [0, 0]),
    ...(has('Annotations') ? { Annotations: h.Annotations } : {}),
    CapAdd: v('CapAdd', null),
    CapDrop: v('CapDrop', null),
    CgroupnsMode: v('CgroupnsMode', '') || 'private',
    Dns: v('Dns', []),
    DnsOptions: v('DnsOptions', []),
    DnsSearch: v('DnsSearch', []),
    ExtraHosts: v('ExtraHosts', null),
    GroupAdd: v('GroupAdd', null),
    IpcMode: v('IpcMode', '') || 'private',
    Cgroup: v('Cgroup', ''),
    Links: v('Links', null),
    OomScoreAdj: v('OomScoreAdj', 0),
    PidMode: v('PidMode', ''),
    Privileged: v('Privileged', false),
    PublishAllPorts: v('PublishAllPorts', false),
    ReadonlyRootfs: v('ReadonlyRootfs', false),
    SecurityOpt: v('SecurityOpt', null),
    ...(has('StorageOpt') ? { StorageOpt: h.StorageOpt } : {}),
    ...(has('Tmpfs') ? { Tmpfs: h.Tmpfs } : {}),
    UTSMode: v('UTSMode', ''),
    UsernsMode: v('UsernsMode', ''),
    ShmSize: v('ShmSize', 0) || DEFAULT_SHM_SIZE,
    ...(has('Sysctls') ? { Sysctls: h.Sysctls } : {}),
    Runtime: v('Runtime', '') || 'runc',
    Isolation: v('Isolation', ''),
    // Resources (embedded)
    CpuShares: v('CpuShares', 0),
    Memory: memory,
    NanoCpus: v('NanoCpus', 0),
    CgroupParent: v('CgroupParent', ''),
    BlkioWeight: v('BlkioWeight', 0),
    BlkioWeightDevice: v('BlkioWeightDevice', []),
    BlkioDeviceReadBps: v('BlkioDeviceReadBps', []),
    BlkioDeviceWriteBps: v('BlkioDeviceWriteBps', []),
    BlkioDeviceReadIOps: v('BlkioDeviceReadIOps', []),
    BlkioDeviceWriteIOps: v('BlkioDeviceWriteIOps', []),
    CpuPeriod: v('CpuPeriod', 0),
    CpuQuota: v('CpuQuota', 0),
    CpuRealtimePeriod: v('CpuRealtimePeriod', 0),
    CpuRealtimeRuntime: v('CpuRealtimeRuntime', 0),
    CpusetCpus: v('CpusetCpus', ''),
    CpusetMems: v('CpusetMems', ''),
    Devices: v('Devices', []),
    DeviceCgroupRules: v('DeviceCgroupRules', null),
    DeviceRequests: v('DeviceRequests', null),
    MemoryReservation: v('MemoryReservation', 0),
    // moby: with -m and no --memory-swap the container may swap as much again.
    MemorySwap: memory > 0 && !h.MemorySwap ? memory * 2 : v('MemorySwap', 0),
    // cgroup v2 has no swappiness or OOM-kill switch: dockerd drops them (nil).
    MemorySwappiness: null,
    OomKillDisable: null,
    // 0 or -1 means no limit; moby stores nil for both.
    PidsLimit: Number(h.PidsLimit ?? 0) > 0 ? h.PidsLimit : null,
    Ulimits: v('Ulimits', []),
    CpuCount: v('CpuCount', 0),
    CpuPercent: v('CpuPercent', 0),
    IOMaximumIOps: v('IOMaximumIOps', 0),
    IOMaximumBandwidth: v('IOMaximumBandwidth', 0),
    ...(has('Mounts') ? { Mounts: h.Mounts } : {}),
    MaskedPaths: v('MaskedPaths', null) ?? [...MASKED_PATHS],
    ReadonlyPaths: v('ReadonlyPaths', null) ?? [...READONLY_PATHS],
    ...(has('Init') && h.Init !== null ? { Init: h.Init } : {}),
  };
  return out as HostConfig;
}

/** go-units RAMInBytes as json-file reads max-size (`10m`, `1g`, `512k`, plain bytes). */
export function logSizeBytes(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)i?b?$/i.exec(s.trim());
  if (!m) return undefined;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 }[m[2].toLowerCase() as 'k'];
  return Math.floor(Number(m[1]) * mult);
}
