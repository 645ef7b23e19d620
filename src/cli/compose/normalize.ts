/**
 * The compose model after compose-go's canonical transform, normalisation and environment
 * resolution: every short form in its long form, paths absolute, defaults filled in
 * (`networks: {default: null}`, `depends_on` conditions, the project's `default` network), keys
 * in the order compose-go's Go structs marshal them, so `docker compose config` prints it as is
 * and the verbs read one shape.
 */
import { parseDotenv } from './dotenv';
import type { Lookup } from './interpolate';
import { formatDuration, parseDuration, parsePort, parseVolume, shellSplit, type PortConfig, type VolumeMount } from './syntax';

export type Dict = Record<string, unknown>;

export interface Service extends Dict {
  build?: { context: string; dockerfile: string; args?: Record<string, string | null>; target?: string };
  command?: string[] | null;
  container_name?: string;
  depends_on?: Record<string, { condition: string; restart?: boolean; required: boolean }>;
  deploy?: Dict & { replicas?: number };
  entrypoint?: string[] | null;
  environment?: Record<string, string | null>;
  expose?: string[];
  healthcheck?: { test?: string[]; timeout?: string; interval?: string; retries?: number; start_period?: string; start_interval?: string; disable?: boolean };
  hostname?: string;
  image?: string;
  labels?: Record<string, string>;
  networks?: Record<string, { aliases?: string[] } | null>;
  ports?: PortConfig[];
  profiles?: string[];
  restart?: string;
  scale?: number;
  stdin_open?: boolean;
  tty?: boolean;
  user?: string;
  volumes?: VolumeMount[];
  working_dir?: string;
}

export interface Project {
  name: string;
  workingDir: string;
  configFiles: string[];
  services: Record<string, Service>;
  networks: Record<string, Dict & { name: string; external?: boolean }>;
  volumes: Record<string, Dict & { name: string; external?: boolean }>;
  /** Services left out by `profiles` (compose-go's DisabledServices). */
  disabled: Record<string, Service>;
}

/** types.ServiceConfig's field order (yaml tags), which `config` follows. */
const SERVICE_ORDER = ('profiles annotations attach build develop blkio_config cap_add cap_drop cgroup_parent cgroup cpu_count cpu_percent ' +
  'cpu_period cpu_quota cpu_rt_period cpu_rt_runtime cpus cpuset cpu_shares command configs container_name credential_spec depends_on ' +
  'deploy device_cgroup_rules devices dns dns_opt dns_search dockerfile domainname entrypoint provider environment env_file expose extends ' +
  'external_links extra_hosts group_add gpus hostname healthcheck image init ipc isolation labels label_file links logging log_driver log_opt ' +
  'mem_limit mem_reservation memswap_limit mem_swappiness mac_address models net network_mode networks oom_kill_disable oom_score_adj pid ' +
  'pids_limit platform ports privileged pull_policy read_only restart runtime scale secrets security_opt shm_size stdin_open ' +
  'stop_grace_period stop_signal storage_opt sysctls tmpfs tty ulimits use_api_socket user userns_mode uts volume_driver volumes ' +
  'volumes_from working_dir post_start pre_stop').split(' ');

function ordered<T extends Dict>(obj: Dict, order: string[]): T {
  const out: Dict = {};
  for (const k of order) if (obj[k] !== undefined) out[k] = obj[k];
  for (const k of Object.keys(obj).sort()) if (!(k in out) && obj[k] !== undefined) out[k] = obj[k];
  return out as T;
}

/** `list_or_dict`: `["A=1", "B"]` or `{A: 1, B: null}` into a map of strings (null kept). */
function mapping(v: unknown, sep = '='): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (Array.isArray(v)) {
    for (const e of v) {
      const s = String(e);
      const i = s.indexOf(sep);
      out[i < 0 ? s : s.slice(0, i)] = i < 0 ? null : s.slice(i + 1);
    }
  } else if (v && typeof v === 'object') {
    for (const [k, val] of Object.entries(v)) out[k] = val === null || val === undefined ? null : String(val);
  }
  return out;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
}

function command(v: unknown): string[] | null | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  return typeof v === 'string' ? shellSplit(v) : (v as unknown[]).map(String);
}

export interface NormalizeContext {
  projectName: string;
  workingDir: string;
  configFiles: string[];
  /** The project's environment: the shell's, then `.env` (for `${VAR}` and bare environment keys). */
  lookup: Lookup;
  home: string;
  readFile(path: string): string | undefined;
  resolve(path: string): string;
  profiles: string[];
}

function absolute(ctx: NormalizeContext, p: string): string {
  if (p.startsWith('~')) p = ctx.home + p.slice(1);
  return ctx.resolve(p.startsWith('/') ? p : `${ctx.workingDir}/${p}`);
}

function normalizeService(raw: Dict, ctx: NormalizeContext): Service {
  const s: Dict = { ...raw };
  if (s.build !== undefined) {
    const b: Dict = typeof s.build === 'string' ? { context: s.build } : { ...(s.build as Dict) };
    const context = String(b.context ?? '.');
    b.context = /^[a-z]+:\/\//.test(context) ? context : absolute(ctx, context);
    if (b.dockerfile === undefined && b.dockerfile_inline === undefined) b.dockerfile = 'Dockerfile';
    if (b.args !== undefined) {
      const args = mapping(b.args);
      for (const k of Object.keys(args)) if (args[k] === null && ctx.lookup(k) !== undefined) args[k] = ctx.lookup(k)!;
      b.args = sortKeys(args);
    }
    s.build = ordered(b, ['context', 'dockerfile', 'dockerfile_inline', 'args', 'labels', 'cache_from', 'network', 'target', 'tags', 'platforms']);
  }
  s.command = command(s.command);
  s.entrypoint = command(s.entrypoint);
  // environment: env_file contents first, then `environment:`; bare keys take the project's value
  const env: Record<string, string | null> = {};
  if (s.env_file !== undefined) {
    const files = (Array.isArray(s.env_file) ? s.env_file : [s.env_file]).map((f) => (typeof f === 'string' ? { path: f, required: true } : (f as { path: string; required?: boolean })));
    for (const f of files) {
      const path = absolute(ctx, f.path);
      const text = ctx.readFile(path);
      if (text === undefined) {
        if (f.required === false) continue;
        throw new Error(`env file ${path} not found: stat ${path}: no such file or directory`);
      }
      Object.assign(env, parseDotenv(text, ctx.lookup, path));
    }
    delete s.env_file;
  }
  if (s.environment !== undefined) {
    for (const [k, v] of Object.entries(mapping(s.environment))) {
      if (v === null) {
        const fromEnv = ctx.lookup(k);
        env[k] = fromEnv === undefined ? null : fromEnv;
      } else env[k] = v;
    }
  }
  s.environment = Object.keys(env).length ? sortKeys(env) : undefined;
  if (s.labels !== undefined) s.labels = sortKeys(mapping(s.labels) as Record<string, string>);
  if (s.expose !== undefined) s.expose = (s.expose as unknown[]).map(String);
  if (s.ports !== undefined) {
    s.ports = (s.ports as unknown[]).flatMap((p): PortConfig[] => {
      if (typeof p === 'number') return parsePort(String(p));
      if (typeof p === 'string') return parsePort(p);
      const o = p as Dict;
      return [ordered<PortConfig & Dict>({ ...o, mode: o.mode ?? 'ingress', target: Number(o.target), published: o.published === undefined ? undefined : String(o.published), protocol: o.protocol ?? 'tcp' }, ['name', 'mode', 'host_ip', 'target', 'published', 'protocol', 'app_protocol'])];
    });
  }
  if (s.volumes !== undefined) {
    s.volumes = (s.volumes as unknown[]).map((v) => {
      const m: VolumeMount = typeof v === 'string' ? parseVolume(v) : ({ ...(v as Dict) } as unknown as VolumeMount);
      if (m.type === 'bind' && m.source) m.source = absolute(ctx, m.source);
      if (m.type === 'volume' && !m.volume) m.volume = {};
      if (m.type === 'bind' && typeof v !== 'string' && !m.bind) m.bind = { create_host_path: true };
      return ordered<VolumeMount & Dict>(m as unknown as Dict, ['type', 'source', 'target', 'read_only', 'consistency', 'bind', 'volume', 'tmpfs']);
    });
  }
  if (s.network_mode === undefined) {
    const nets = s.networks === undefined ? { default: null } : Array.isArray(s.networks) ? Object.fromEntries((s.networks as string[]).map((n) => [n, null])) : s.networks;
    s.networks = sortKeys(nets as Record<string, unknown>);
  }
  const deps: Record<string, Dict> = {};
  if (Array.isArray(s.depends_on)) for (const d of s.depends_on as string[]) deps[d] = { condition: 'service_started', required: true };
  else if (s.depends_on) {
    for (const [d, o] of Object.entries(s.depends_on as Record<string, Dict>)) deps[d] = ordered({ condition: o.condition, restart: o.restart, required: o.required ?? true }, ['condition', 'restart', 'required']);
  }
  s.depends_on = Object.keys(deps).length ? sortKeys(deps) : undefined;
  if (s.healthcheck) {
    const h = { ...(s.healthcheck as Dict) };
    if (typeof h.test === 'string') h.test = ['CMD-SHELL', h.test];
    for (const k of ['timeout', 'interval', 'start_period', 'start_interval']) {
      if (h[k] === undefined) continue;
      const ns = parseDuration(String(h[k]));
      if (ns === undefined) throw new Error(`services.${String(raw.__name)}.healthcheck.${k}: time: invalid duration "${String(h[k])}"`);
      h[k] = formatDuration(ns);
    }
    if (h.retries !== undefined) h.retries = Number(h.retries);
    s.healthcheck = ordered(h, ['test', 'timeout', 'interval', 'retries', 'start_period', 'start_interval', 'disable']);
  }
  if (s.stop_grace_period !== undefined) s.stop_grace_period = formatDuration(parseDuration(String(s.stop_grace_period)) ?? 0);
  if (s.deploy && (s.deploy as Dict).replicas !== undefined) s.deploy = { ...(s.deploy as Dict), replicas: Number((s.deploy as Dict).replicas) };
  if (s.scale !== undefined) s.scale = Number(s.scale);
  delete s.__name;
  return ordered<Service>(s, SERVICE_ORDER);
}

/** The whole project: services (profiles applied), then the networks and volumes they use. */
export function normalizeProject(dict: Dict, ctx: NormalizeContext): Project {
  const services: Record<string, Service> = {};
  const disabled: Record<string, Service> = {};
  for (const [name, raw] of Object.entries((dict.services ?? {}) as Record<string, Dict>)) {
    const svc = normalizeService({ ...(raw ?? {}), __name: name }, ctx);
    const profiles = svc.profiles ?? [];
    const enabled = profiles.length === 0 || profiles.some((p) => ctx.profiles.includes(p) || ctx.profiles.includes('*'));
    (enabled ? services : disabled)[name] = svc;
  }
  const networks: Project['networks'] = {};
  const declaredNets = (dict.networks ?? {}) as Record<string, Dict | null>;
  const usesDefault = Object.values(services).some((s) => s.networks && 'default' in s.networks);
  const netNames = new Set([...Object.keys(declaredNets), ...(usesDefault ? ['default'] : [])]);
  for (const n of [...netNames].sort()) {
    const d = declaredNets[n] ?? {};
    const external = d.external === true;
    networks[n] = ordered({ ...d, name: (d.name as string | undefined) ?? (external ? n : `${ctx.projectName}_${n}`) }, ['name', 'driver', 'driver_opts', 'ipam', 'external', 'internal', 'attachable', 'labels']);
  }
  const volumes: Project['volumes'] = {};
  for (const [n, d0] of Object.entries((dict.volumes ?? {}) as Record<string, Dict | null>).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const d = d0 ?? {};
    const external = d.external === true;
    volumes[n] = ordered({ ...d, name: (d.name as string | undefined) ?? (external ? n : `${ctx.projectName}_${n}`) }, ['name', 'driver', 'driver_opts', 'external', 'labels']);
  }
  return { name: ctx.projectName, workingDir: ctx.workingDir, configFiles: ctx.configFiles, services: sortKeys(services), networks, volumes, disabled };
}

/** loader/validate.go's checkConsistency, for the parts the simulator models. */
export function checkConsistency(p: Project): void {
  for (const [name, s] of Object.entries(p.services)) {
    if (!s.build && !s.image) throw new Error(`service "${name}" has neither an image nor a build context specified: invalid compose project`);
    for (const n of Object.keys(s.networks ?? {})) {
      if (!p.networks[n]) throw new Error(`service "${name}" refers to undefined network ${n}: invalid compose project`);
    }
    for (const d of Object.keys(s.depends_on ?? {})) {
      if (!p.services[d] && !p.disabled[d]) throw new Error(`service "${name}" depends on undefined service "${d}": invalid compose project`);
    }
    for (const v of s.volumes ?? []) {
      if (v.type === 'volume' && v.source && !p.volumes[v.source]) throw new Error(`service "${name}" refers to undefined volume ${v.source}: invalid compose project`);
    }
    if (s.healthcheck?.test && !['CMD', 'CMD-SHELL', 'NONE'].includes(s.healthcheck.test[0]!)) throw new Error('healthcheck.test must start either by "CMD", "CMD-SHELL" or "NONE"');
    if (s.scale !== undefined && s.deploy?.replicas !== undefined && s.scale !== s.deploy.replicas) throw new Error(`services.${name}: can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project`);
  }
}
