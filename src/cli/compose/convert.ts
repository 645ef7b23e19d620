/**
 * A service's configuration turned into the Engine API's container create body, as compose's
 * `getCreateConfigs` does (pkg/compose/create.go): Config (image, command, environment, labels,
 * healthcheck in nanoseconds), HostConfig (ports, restart policy, mounts, the project network as
 * NetworkMode) and the endpoint of that network with the service name as a DNS alias.
 */
import { parseDuration } from './syntax';
import { configHash, COMPOSE_VERSION, imageOf, L } from './labels';
import type { Project, Service } from './normalize';

export interface CreateBody {
  name: string;
  config: Record<string, unknown>;
  hostConfig: Record<string, unknown>;
  networkingConfig?: Record<string, unknown>;
}

function nanos(d: string | undefined): number {
  return d === undefined ? 0 : parseDuration(d) ?? 0;
}

/** The `com.docker.compose.depends_on` label: `svc:condition:restart` joined by commas. */
function dependsOnLabel(s: Service): string {
  return Object.entries(s.depends_on ?? {}).map(([k, v]) => `${k}:${v.condition}:${v.restart === true}`).sort().join(',');
}

export function createBody(
  p: Project,
  serviceName: string,
  s: Service,
  opts: { name: string; number: number; oneoff?: boolean; imageId?: string; command?: string[]; env?: string[]; tty?: boolean; interactive?: boolean },
): CreateBody {
  const labels: Record<string, string> = {
    ...(s.labels ?? {}),
    [L.hash]: configHash(s),
    [L.number]: String(opts.number),
    [L.dependsOn]: dependsOnLabel(s),
    [L.image]: opts.imageId ?? '',
    [L.oneoff]: opts.oneoff ? 'True' : 'False',
    [L.project]: p.name,
    [L.configFiles]: p.configFiles.join(','),
    [L.workingDir]: p.workingDir,
    [L.service]: serviceName,
    [L.version]: COMPOSE_VERSION,
  };
  const env = Object.entries(s.environment ?? {}).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`);
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of s.ports ?? []) {
    const key = `${port.target}/${port.protocol}`;
    exposed[key] = {};
    // `docker compose run` publishes nothing unless asked (--service-ports)
    if (!opts.oneoff) (bindings[key] ??= []).push({ HostIp: port.host_ip ?? '', HostPort: port.published ?? '' });
  }
  for (const e of s.expose ?? []) exposed[e.includes('/') ? e : `${e}/tcp`] = {};
  const binds: string[] = [];
  const mounts: Record<string, unknown>[] = [];
  for (const v of s.volumes ?? []) {
    if (v.type === 'bind' && v.bind?.create_host_path) binds.push(`${v.source}:${v.target}:${v.read_only ? 'ro' : 'rw'}`);
    else if (v.type === 'volume') mounts.push({ Type: 'volume', Source: v.source ? p.volumes[v.source]?.name ?? v.source : '', Target: v.target, ReadOnly: !!v.read_only });
    else mounts.push({ Type: v.type, Source: v.source ?? '', Target: v.target, ReadOnly: !!v.read_only });
  }
  const h = s.healthcheck;
  const healthcheck = h
    ? h.disable ? { Test: ['NONE'] } : {
      ...(h.test ? { Test: h.test } : {}),
      Interval: nanos(h.interval), Timeout: nanos(h.timeout), StartPeriod: nanos(h.start_period), StartInterval: nanos(h.start_interval), Retries: h.retries ?? 0,
    }
    : undefined;
  const netNames = Object.keys(s.networks ?? {});
  const primary = netNames[0];
  const networkMode = typeof s.network_mode === 'string' ? s.network_mode : primary ? p.networks[primary]!.name : 'none';
  const restart = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/.exec(s.restart ?? 'no');
  const config: Record<string, unknown> = {
    Hostname: s.hostname ?? '',
    User: s.user ?? '',
    AttachStdin: false,
    AttachStdout: !!opts.tty,
    AttachStderr: !!opts.tty,
    Tty: opts.tty ?? !!s.tty,
    OpenStdin: opts.interactive ?? !!s.stdin_open,
    StdinOnce: false,
    Env: [...env, ...(opts.env ?? [])],
    Cmd: opts.command ?? s.command ?? null,
    Image: imageOf(p.name, serviceName, s),
    WorkingDir: s.working_dir ?? '',
    Labels: labels,
    ExposedPorts: exposed,
    ...(s.entrypoint !== undefined ? { Entrypoint: s.entrypoint } : {}),
    ...(healthcheck ? { Healthcheck: healthcheck } : {}),
    ...(typeof s.stop_signal === 'string' ? { StopSignal: s.stop_signal } : {}),
  };
  const hostConfig: Record<string, unknown> = {
    Binds: binds.length ? binds : null,
    ...(mounts.length ? { Mounts: mounts } : {}),
    PortBindings: bindings,
    RestartPolicy: { Name: restart?.[1] ?? 'no', MaximumRetryCount: restart?.[2] ? Number(restart[2]) : 0 },
    NetworkMode: networkMode,
    AutoRemove: false,
    ...(s.init === true ? { Init: true } : {}),
    ...(s.read_only === true ? { ReadonlyRootfs: true } : {}),
  };
  const endpoints: Record<string, unknown> = {};
  if (primary && typeof s.network_mode !== 'string') {
    const cfg = s.networks?.[primary];
    endpoints[p.networks[primary]!.name] = { Aliases: [opts.name, serviceName, ...(cfg?.aliases ?? [])] };
  }
  return { name: opts.name, config, hostConfig, ...(Object.keys(endpoints).length ? { networkingConfig: { EndpointsConfig: endpoints } } : {}) };
}
