/** `docker system info`: Display system-wide information (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import { bytesSize } from '../../../lib/units';
import { Template } from '../../format/template';
import { CLIENT_VERSION } from '../../framework/root';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, daemonOf, str } from '../shared/common';

export const infoRun: Handler = async (ctx, _args, flags) => {
  const i = await call(() => daemonOf(ctx).info());
  const format = str(flags, 'format');
  if (format) {
    await ctx.io.stdout.write(Template.parse(format).execute(i) + '\n');
    return 0;
  }
  const g = (k: string) => i[k] as never;
  const reg = i.RegistryConfig as { IndexConfigs?: Record<string, { Name: string; Secure: boolean }>; InsecureRegistryCIDRs?: string[]; Mirrors?: string[] | null } | undefined;
  const lines: string[] = [
    'Client: Docker Engine - Community',
    ` Version:    ${CLIENT_VERSION}`,
    ' Context:    default',
    ' Debug Mode: false',
    ' Plugins:',
    '  buildx: Docker Buildx (Docker Inc.)',
    '    Version:  v0.29.1',
    '    Path:     /usr/libexec/docker/cli-plugins/docker-buildx',
    '  compose: Docker Compose (Docker Inc.)',
    '    Version:  v2.40.3',
    '    Path:     /usr/libexec/docker/cli-plugins/docker-compose',
    '',
    'Server:',
    ` Containers: ${g('Containers')}`,
    `  Running: ${g('ContainersRunning')}`,
    `  Paused: ${g('ContainersPaused')}`,
    `  Stopped: ${g('ContainersStopped')}`,
    ` Images: ${g('Images')}`,
    ` Server Version: ${g('ServerVersion')}`,
    ` Storage Driver: ${g('Driver')}`,
    ...(g('DriverStatus') as [string, string][]).map(([k, v]) => `  ${k}: ${v}`),
    ` Logging Driver: ${g('LoggingDriver')}`,
    ` Cgroup Driver: ${g('CgroupDriver')}`,
    ` Cgroup Version: ${g('CgroupVersion')}`,
    ' Plugins:',
    `  Volume: ${(g('Plugins') as { Volume: string[] }).Volume.join(' ')}`,
    `  Network: ${(g('Plugins') as { Network: string[] }).Network.join(' ')}`,
    ...((g('Plugins') as { Authorization?: string[] | null }).Authorization?.length ? [`  Authorization: ${(g('Plugins') as { Authorization: string[] }).Authorization.join(' ')}`] : []),
    `  Log: ${(g('Plugins') as { Log: string[] }).Log.join(' ')}`,
    ...((g('CDISpecDirs') as string[] | undefined)?.length ? [' CDI spec directories:', ...(g('CDISpecDirs') as string[]).map((d) => `  ${d}`)] : []),
    ' Swarm: inactive',
    ' Runtimes: io.containerd.runc.v2 runc',
    ' Default Runtime: runc',
    ' Init Binary: docker-init',
    ` containerd version: ${(g('ContainerdCommit') as { ID: string }).ID}`,
    ` runc version: ${(g('RuncCommit') as { ID: string }).ID}`,
    ` init version: ${(g('InitCommit') as { ID: string }).ID}`,
    ' Security Options:',
    '  apparmor',
    '  seccomp',
    '   Profile: builtin',
    '  cgroupns',
    ` Kernel Version: ${g('KernelVersion')}`,
    ` Operating System: ${g('OperatingSystem')}`,
    ` OSType: ${g('OSType')}`,
    ` Architecture: ${g('Architecture')}`,
    ` CPUs: ${g('NCPU')}`,
    ` Total Memory: ${bytesSize(g('MemTotal'))}`,
    ` Name: ${g('Name')}`,
    ` ID: ${g('ID')}`,
    ` Docker Root Dir: ${g('DockerRootDir')}`,
    ` Debug Mode: ${g('Debug')}`,
    ...(g('Debug') ? [`  File Descriptors: ${g('NFd')}`, `  Goroutines: ${g('NGoroutines')}`, `  System Time: ${g('SystemTime')}`, `  EventsListeners: ${g('NEventsListener')}`] : []),
    ...(['HttpProxy', 'HttpsProxy', 'NoProxy'] as const).flatMap((k, i) => (g(k) ? [` ${['HTTP Proxy', 'HTTPS Proxy', 'No Proxy'][i]}: ${g(k)}`] : [])),
    ...((g('Labels') as string[] | null)?.length ? [' Labels:', ...(g('Labels') as string[]).map((l) => `  ${l}`)] : []),
    ` Experimental: ${g('ExperimentalBuild')}`,
    // docker-cli's prettyPrintServerInfo: insecure index names, then the CIDRs, then mirrors.
    ' Insecure Registries:',
    ...Object.values(reg?.IndexConfigs ?? {}).filter((c) => !c.Secure).map((c) => `  ${c.Name}`),
    ...(reg?.InsecureRegistryCIDRs ?? ['::1/128', '127.0.0.0/8']).map((c) => `  ${c}`),
    ...(reg?.Mirrors?.length ? [' Registry Mirrors:', ...reg.Mirrors.map((m) => `  ${m}`)] : []),
    ` Live Restore Enabled: ${g('LiveRestoreEnabled')}`,
    // prettyPrintServerInfo ends with an empty fprintln: the output closes with a blank line.
    '',
    '',
  ];
  await ctx.io.stdout.write(lines.join('\n'));
};

export const spec = verb({
  use: 'info [OPTIONS]', short: 'Display system-wide information',
  args: { kind: 'none' },
  flags: [inspectFormatFlag()],
  run: infoRun
});
