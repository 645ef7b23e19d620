/** The container create request from `docker run`/`docker create` flags (cli/command/container/opts.go parse). */
import { ramInBytes } from '../../../lib/units';
import { type FlagValues, type RunContext } from '../../framework/types';
import { bool, keyValueMap, list, str } from '../shared/common';
import { runError } from './common';
import { parseDevices } from './device-flag';
import { deviceRequestsOf } from './device-requests';

const RESTART = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/;

/**
 * A flag value that does not parse: docker-cli's parse() error. createBody turns it into the
 * verb's report (`Run 'docker create --help'` or `Run 'docker run --help'`), exit 125.
 */
class ParseError extends Error {}

function asParseError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new ParseError((e as Error).message);
  }
}

/**
 * `-p` as go-connections' nat.ParsePortSpec reads it: `[ip:][hostPort:]containerPort[/proto]`, a
 * container range maps onto a host range of the same size, one container port with a host range
 * lets the daemon pick a free port in it, and each port of a range is its own binding.
 */
function parsePorts(specs: string[]): { exposed: Record<string, object>; bindings: Record<string, { HostIp: string; HostPort: string }[]> } {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  const range = (s: string): [number, number] | undefined => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(s);
    if (!m) return undefined;
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    return a <= 65535 && b <= 65535 && b >= a ? [a, b] : undefined;
  };
  for (const spec of specs) {
    const parts = spec.split(':');
    let ip = '';
    let host = '';
    let cport = parts[parts.length - 1];
    if (parts.length === 2) host = parts[0];
    else if (parts.length > 2) [ip, host] = [parts.slice(0, -2).join(':'), parts[parts.length - 2]];
    const slash = cport.indexOf('/');
    const proto = slash < 0 ? 'tcp' : cport.slice(slash + 1);
    if (slash >= 0) cport = cport.slice(0, slash);
    if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
    const ipv6 = /^[0-9a-fA-F:]+$/.test(ip) && (ip.includes('::') || ip.split(':').length === 8);
    if (ip && !ipv6 && !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) throw new ParseError(`invalid IP address: ${ip}`);
    if (!cport) throw new ParseError(`no port specified: ${spec}<empty>`);
    const c = range(cport);
    if (!c) throw new ParseError(`invalid containerPort: ${cport}`);
    const h = host ? range(host) : undefined;
    if (host && !h) throw new ParseError(`invalid hostPort: ${host}`);
    if (h && c[1] - c[0] !== h[1] - h[0] && c[1] !== c[0]) throw new ParseError(`invalid ranges specified for container and host Ports: ${cport} and ${host}`);
    if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) throw new ParseError(`invalid proto: ${proto}`);
    for (let i = 0; i <= c[1] - c[0]; i++) {
      const key = `${c[0] + i}/${proto}`;
      let hp = h ? String(h[0] + i) : '';
      if (h && c[0] === c[1] && h[0] !== h[1]) hp = `${h[0]}-${h[1]}`;
      exposed[key] = {};
      (bindings[key] ??= []).push({ HostIp: ip, HostPort: hp });
    }
  }
  return { exposed, bindings };
}

/** Go's strconv.ParseBool spellings (`--mount readonly=…`). */
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

const GO_BOOLS = new Set([...GO_TRUE, '0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * `-v` and `--mount` as the docker CLI turns them into the create body: `-v SRC:DST[:MODE]` goes to
 * HostConfig.Binds (a `./relative` source becomes absolute), `-v /path` to Config.Volumes (an
 * anonymous volume), `--mount type=…,source=…,target=…,readonly` to HostConfig.Mounts.
 */
function volumeFlags(ctx: RunContext, flags: FlagValues): { binds: string[]; volumes: Record<string, Record<string, never>>; mounts: Record<string, unknown>[] } {
  const binds: string[] = [];
  const volumes: Record<string, Record<string, never>> = {};
  const cwd = ctx.io.fs?.cwd ?? '/';
  for (const spec of list(flags, 'volume')) {
    const parts = spec.split(':');
    if (parts.length === 1) {
      if (!spec.startsWith('/')) throw new ParseError(`invalid spec: ${spec}: invalid volume specification: '${spec}': invalid mount config for type "volume": invalid mount path: '${spec}' mount path must be absolute`);
      volumes[spec] = {};
      continue;
    }
    // docker-cli's compose loader (ParseVolume) words these before anything reaches the daemon.
    if (parts.some((x) => x === '')) throw new ParseError(`invalid spec: ${spec}: empty section between colons`);
    if (parts.length > 3) throw new ParseError(`invalid spec: ${spec}: too many colons`);
    let src = parts[0];
    if (src === '.' || src === '..' || src.startsWith('./') || src.startsWith('../')) src = `${cwd.replace(/\/$/, '')}/${src}`;
    binds.push([src, ...parts.slice(1)].join(':'));
  }
  const mounts: Record<string, unknown>[] = [];
  for (const spec of list(flags, 'mount')) {
    const m: Record<string, unknown> = { Type: 'volume' };
    for (const field of spec.split(',')) {
      const eq = field.indexOf('=');
      // Keys are case-sensitive in docker-cli (opts/mount.go); only the type's value is lowered.
      const key = eq < 0 ? field : field.slice(0, eq);
      const val = eq < 0 ? undefined : field.slice(eq + 1);
      if (eq < 0 && !['readonly', 'ro', 'volume-nocopy', 'bind-nonrecursive'].includes(key)) throw new ParseError(`invalid argument "${spec}" for "--mount" flag: invalid field '${field}' must be a key=value pair`);
      switch (key) {
        case 'type': m.Type = (val ?? '').toLowerCase(); break;
        case 'source': case 'src': m.Source = val; break;
        case 'target': case 'destination': case 'dst': m.Target = val; break;
        case 'readonly': case 'ro': {
          // Go's strconv.ParseBool: anything else is the CLI's "invalid value for readonly: X".
          if (val !== undefined && !GO_BOOLS.has(val)) throw new ParseError(`invalid argument "${spec}" for "--mount" flag: invalid value for ${key}: ${val}`);
          m.ReadOnly = val === undefined || GO_TRUE.has(val);
          break;
        }
        case 'volume-nocopy': case 'bind-propagation': case 'consistency': case 'tmpfs-size': case 'tmpfs-mode': case 'volume-driver': case 'volume-opt': case 'volume-label': case 'volume-subpath': case 'bind-recursive': case 'bind-nonrecursive': break;
        default: throw new ParseError(`invalid argument "${spec}" for "--mount" flag: unexpected key '${key}' in '${field}'`);
      }
    }
    if (!m.Type) throw new ParseError(`invalid argument "${spec}" for "--mount" flag: type is required`);
    if (!m.Target) throw new ParseError(`invalid argument "${spec}" for "--mount" flag: target is required`);
    if (m.Type === 'bind' && typeof m.Source === 'string' && !m.Source.startsWith('/')) m.Source = `${cwd.replace(/\/$/, '')}/${m.Source}`;
    mounts.push(m);
  }
  return { binds, volumes, mounts };
}

/** The Engine API create body from run/create flags. */
export function createBody(ctx: RunContext, args: string[], flags: FlagValues) {
  try {
    return parseCreateFlags(ctx, args, flags);
  } catch (e) {
    if (e instanceof ParseError) throw runError(ctx.spec.name === 'create' ? 'create' : 'run', e.message, 125);
    throw e;
  }
}

function parseCreateFlags(ctx: RunContext, args: string[], flags: FlagValues) {
  const image = args[0];
  const env = list(flags, 'env').map((e) => (e.includes('=') ? e : ctx.io.env[e] !== undefined ? `${e}=${ctx.io.env[e]}` : e));
  const labels = keyValueMap(list(flags, 'label'));
  const ports = parsePorts(list(flags, 'publish'));
  for (const e of list(flags, 'expose')) ports.exposed[e.includes('/') ? e : `${e}/tcp`] = {};
  const restart = str(flags, 'restart') || 'no';
  const m = RESTART.exec(restart);
  if (!m) throw new ParseError(`invalid restart policy format: no matching options for "${restart}"`);
  if (bool(flags, 'rm') && m[1] !== 'no') throw new ParseError('Conflicting options: --restart and --rm');
  const interactive = bool(flags, 'interactive');
  const tty = bool(flags, 'tty');
  const detach = bool(flags, 'detach');
  const config: Record<string, unknown> = {
    Hostname: str(flags, 'hostname'),
    User: str(flags, 'user'),
    AttachStdin: interactive && !detach,
    AttachStdout: !detach,
    AttachStderr: !detach,
    Tty: tty,
    OpenStdin: interactive,
    StdinOnce: interactive && !detach,
    Env: env,
    Cmd: args.length > 1 ? args.slice(1) : null,
    Image: image,
    WorkingDir: str(flags, 'workdir'),
    Labels: labels,
    ExposedPorts: ports.exposed,
  };
  const vols = volumeFlags(ctx, flags);
  if (Object.keys(vols.volumes).length) config.Volumes = vols.volumes;
  if (ctx.changed.has('entrypoint')) config.Entrypoint = [str(flags, 'entrypoint')];
  if (str(flags, 'stop-signal')) config.StopSignal = str(flags, 'stop-signal');
  if (ctx.changed.has('stop-timeout')) config.StopTimeout = Number(flags['stop-timeout']);
  const health = healthFlags(flags);
  if (health) config.Healthcheck = health;
  const memory = str(flags, 'memory');
  const logOpts = list(flags, 'log-opt');
  if (str(flags, 'log-driver') === 'none' && logOpts.length) throw new ParseError('invalid logging opts for driver none');
  const hostConfig: Record<string, unknown> = {
    ...(list(flags, 'device').length ? { Devices: asParseError(() => parseDevices(list(flags, 'device'))) } : {}),
    ...deviceRequestsOf(list(flags, 'device'), list(flags, 'gpus')),
    LogConfig: { Type: str(flags, 'log-driver'), Config: keyValueMap(logOpts) },
    // create.go: the terminal's size (rows, columns) when stdout is one, else 0 0.
    ConsoleSize: ctx.io.stdoutIsTTY && ctx.io.rows && ctx.io.columns ? [ctx.io.rows, ctx.io.columns] : [0, 0],
    AutoRemove: bool(flags, 'rm'),
    PortBindings: ports.bindings,
    PublishAllPorts: bool(flags, 'publish-all'),
    RestartPolicy: { Name: m[1], MaximumRetryCount: m[2] ? Number(m[2]) : 0 },
    // `--net` and `--net-alias` are docker-cli's hidden spellings of --network and --network-alias.
    NetworkMode: str(flags, 'network') || str(flags, 'net') || 'bridge',
    ...(str(flags, 'uts') ? { UTSMode: str(flags, 'uts') } : {}),
    ...(str(flags, 'ipc') ? { IpcMode: str(flags, 'ipc') } : {}),
    ...(str(flags, 'cgroupns') ? { CgroupnsMode: str(flags, 'cgroupns') } : {}),
    PidMode: str(flags, 'pid'),
    ReadonlyRootfs: bool(flags, 'read-only'),
    Memory: memory && memory !== '0' ? ramInBytes(memory) : 0,
    MemorySwap: str(flags, 'memory-swap') === '-1' ? -1 : str(flags, 'memory-swap') ? ramInBytes(str(flags, 'memory-swap')) : 0,
    // --pids-limit: Docker stores a positive limit; 0 leaves it unset and -1 means unlimited.
    ...(Number(flags['pids-limit']) ? { PidsLimit: Number(flags['pids-limit']) } : {}),
    NanoCpus: str(flags, 'cpus') && str(flags, 'cpus') !== '0.000' ? Math.round(Number(str(flags, 'cpus')) * 1e9) : 0,
    Binds: vols.binds.length ? vols.binds : null,
    ...(vols.mounts.length ? { Mounts: vols.mounts } : {}),
    ...(list(flags, 'volumes-from').length ? { VolumesFrom: list(flags, 'volumes-from') } : {}),
    ...(list(flags, 'tmpfs').length ? { Tmpfs: Object.fromEntries(list(flags, 'tmpfs').map((t) => [t.split(':')[0], t.split(':').slice(1).join(':')])) } : {}),
    // HostConfig.Init is a *bool with omitempty: absent unless --init was given.
    ...(ctx.changed.has('init') ? { Init: bool(flags, 'init') } : {}),
  };
  const links = list(flags, 'link').map((l) => (l.includes(':') ? l : `${l}:${l}`));
  if (links.length) hostConfig.Links = links;
  const aliases = [...list(flags, 'network-alias'), ...list(flags, 'net-alias')];
  const networkingConfig = aliases.length ? { EndpointsConfig: { [String(hostConfig.NetworkMode)]: { Aliases: aliases } } } : undefined;
  return { name: str(flags, 'name') || undefined, config, hostConfig, ...(networkingConfig ? { networkingConfig } : {}), ...(str(flags, 'platform') ? { platform: str(flags, 'platform') } : {}) };
}

/** docker-cli's --health-* and --no-healthcheck (durations into nanoseconds, as the API takes them). */
function healthFlags(flags: FlagValues): Record<string, unknown> | undefined {
  const ms = (k: string) => Number(flags[k] ?? 0);
  const cmd = str(flags, 'health-cmd');
  const keys = ['health-interval', 'health-timeout', 'health-start-period', 'health-start-interval'];
  const retries = Number(flags['health-retries'] ?? 0);
  const have = cmd !== '' || retries !== 0 || keys.some((k) => ms(k) !== 0);
  if (bool(flags, 'no-healthcheck')) {
    if (have) throw new ParseError('--no-healthcheck conflicts with --health-* options');
    return { Test: ['NONE'] };
  }
  if (!have) return undefined;
  for (const k of keys) if (ms(k) < 0) throw new ParseError(`--${k} cannot be negative`);
  if (retries < 0) throw new ParseError('--health-retries cannot be negative');
  return {
    ...(cmd ? { Test: ['CMD-SHELL', cmd] } : {}),
    Interval: ms('health-interval') * 1e6, Timeout: ms('health-timeout') * 1e6, StartPeriod: ms('health-start-period') * 1e6,
    StartInterval: ms('health-start-interval') * 1e6, Retries: retries,
  };
}
