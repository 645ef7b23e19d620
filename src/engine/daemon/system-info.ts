/**
 * GET /version and GET /info: what `docker version` and `docker info` show of the server, as
 * Docker Engine 28.5.2 on Ubuntu 24.04 answers them (containerd, runc and docker-init versions of
 * that release; the storage driver, plugins, security options and registry settings of a default
 * install, changed by daemon.json's mirrors, insecure registries and log driver).
 */
import type { ServerVersion } from '../../api/daemon';
import { HOST_CPUS } from '../process/cgroup';
import { KERNEL } from '../programs/lib/kernel';
import type { ImageStore } from '../image/store';
import type { ContainerService } from './containers';
import type { EngineConfig } from './engine-config';

export const ENGINE_VERSION = '28.5.2';
export const API_VERSION = '1.51';

export interface InfoDeps {
  containers: ContainerService;
  store: ImageStore;
  /** The machine clock's time, in ms. */
  now: number;
  engineConfig: EngineConfig;
}

/** GET /version: the server side of `docker version`. */
export function serverVersion(): ServerVersion {
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      { Name: 'Engine', Version: ENGINE_VERSION, Details: { ApiVersion: API_VERSION, Arch: 'amd64', BuildTime: '2025-11-04T14:36:11.000000000+00:00', Experimental: 'false', GitCommit: 'e180ab8', GoVersion: 'go1.24.9', KernelVersion: KERNEL.release, MinAPIVersion: '1.24', Os: 'linux' } },
      { Name: 'containerd', Version: 'v1.7.28', Details: { GitCommit: 'b98a3aace656320842a23f4a392a33f46af97866' } },
      { Name: 'runc', Version: '1.3.0', Details: { GitCommit: 'v1.3.0-0-g4ca628d1' } },
      { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: 'de40ad0' } },
    ],
    Version: ENGINE_VERSION,
    ApiVersion: API_VERSION,
    MinAPIVersion: '1.24',
    GitCommit: 'e180ab8',
    GoVersion: 'go1.24.9',
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: KERNEL.release,
    BuildTime: '2025-11-04T14:36:11.000000000+00:00',
  };
}

/** GET /info: moby's SystemInfo for `docker info`, with what daemon.json set at the last start. */
export function systemInfo({ containers, store, now, engineConfig }: InfoDeps): Record<string, unknown> {
  const all = [...containers.containers.values()];
  return {
    ID: 'b1f6c7e2-5d7a-4b0e-9c3e-2f4a1d6e8b90',
    Containers: all.length,
    ContainersRunning: all.filter((c) => c.state.Status === 'running').length,
    ContainersPaused: all.filter((c) => c.state.Status === 'paused').length,
    ContainersStopped: all.filter((c) => !c.state.Running).length,
    Images: store.list().length,
    Driver: 'overlay2',
    DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
    Plugins: { Volume: ['local'], Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'], Authorization: null, Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'] },
    MemoryLimit: true, SwapLimit: true, CpuCfsPeriod: true, CpuCfsQuota: true, CPUShares: true, CPUSet: true, PidsLimit: true,
    IPv4Forwarding: true, Debug: false, NFd: 24, OomKillDisable: false, NGoroutines: 41,
    SystemTime: new Date(now).toISOString(),
    LoggingDriver: engineConfig.log.Type, CgroupDriver: 'systemd', CgroupVersion: '2', NEventsListener: 0,
    KernelVersion: KERNEL.release, OperatingSystem: 'Ubuntu 24.04.3 LTS', OSVersion: '24.04', OSType: 'linux', Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      IndexConfigs: {
        'docker.io': { Name: 'docker.io', Mirrors: [...engineConfig.mirrors], Secure: true, Official: true },
        ...Object.fromEntries(engineConfig.insecureRegistries.map((r) => [r, { Name: r, Mirrors: [], Secure: false, Official: false }])),
      },
      InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
      Mirrors: engineConfig.mirrors.length ? [...engineConfig.mirrors] : null,
    },
    NCPU: HOST_CPUS, MemTotal: 8_323_616_768, DockerRootDir: '/var/lib/docker', HttpProxy: '', HttpsProxy: '', NoProxy: '',
    Name: 'docker-lab', Labels: [], ExperimentalBuild: false, ServerVersion: ENGINE_VERSION,
    Runtimes: { 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } }, DefaultRuntime: 'runc',
    Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
    LiveRestoreEnabled: false, Isolation: '', InitBinary: 'docker-init',
    ContainerdCommit: { ID: 'b98a3aace656320842a23f4a392a33f46af97866' }, RuncCommit: { ID: 'v1.3.0-0-g4ca628d1' }, InitCommit: { ID: 'de40ad0' },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    Warnings: null,
    // CDI is on by default since Engine 28: these are its default spec directories.
    CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
  };
}
