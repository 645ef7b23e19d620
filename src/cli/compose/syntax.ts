/**
 * The short forms of the compose file turned into their long forms, as compose-go's transform and
 * format packages do: `"8080:80"` into a port mapping, `"./data:/data:ro"` into a mount, a command
 * string into its words, `1m30s` into a duration.
 */

export interface PortConfig {
  mode: string;
  host_ip?: string;
  target: number;
  published?: string;
  protocol: string;
}

export interface VolumeMount {
  type: 'volume' | 'bind' | 'tmpfs';
  source?: string;
  target: string;
  read_only?: boolean;
  bind?: { propagation?: string; create_host_path?: boolean; selinux?: string };
  volume?: { nocopy?: boolean };
}

/** mattn/go-shellwords as compose-go uses it: quotes and backslashes, no expansion. */
export function shellSplit(s: string): string[] {
  const words: string[] = [];
  let cur = '';
  let have = false;
  let q: '' | "'" | '"' = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      if (c === q) q = '';
      else if (c === '\\' && q === '"' && i + 1 < s.length && '"\\$`'.includes(s[i + 1]!)) cur += s[++i];
      else cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      q = c;
      have = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      have = true;
    } else if (/\s/.test(c)) {
      if (have) words.push(cur);
      cur = '';
      have = false;
    } else {
      cur += c;
      have = true;
    }
  }
  if (q) throw new Error('invalid command line string');
  if (have) words.push(cur);
  return words;
}

const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration, in nanoseconds; undefined when it does not parse. */
export function parseDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    pos = re.lastIndex;
  }
  return pos === s.length && pos > 0 ? Math.round(total) : undefined;
}

/** Go's Duration.String(): `1m30s`, `500ms`, `0s`. */
export function formatDuration(ns: number): string {
  if (ns === 0) return '0s';
  if (ns < 1e9) {
    if (ns < 1e3) return `${ns}ns`;
    if (ns < 1e6) return `${trim(ns / 1e3)}µs`;
    return `${trim(ns / 1e6)}ms`;
  }
  const h = Math.floor(ns / 3600e9);
  const m = Math.floor((ns % 3600e9) / 60e9);
  const sec = (ns % 60e9) / 1e9;
  let out = '';
  if (h) out += `${h}h`;
  if (h || m) out += `${m}m`;
  return out + `${trim(sec)}s`;
}

function trim(n: number): string {
  return String(Number(n.toFixed(9)));
}

/** types.ParsePortConfig: `[ip:][published:]target[/protocol]`, ranges expanded. */
export function parsePort(spec: string): PortConfig[] {
  let rest = spec;
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  const parts = rest.split(':');
  let ip = '';
  let published = '';
  const target = parts[parts.length - 1]!;
  if (parts.length === 2) published = parts[0]!;
  else if (parts.length > 2) {
    published = parts[parts.length - 2]!;
    ip = parts.slice(0, -2).join(':').replace(/^\[|\]$/g, '');
  }
  const range = (r: string): [number, number] | undefined => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(r);
    return m ? [Number(m[1]), Number(m[2] ?? m[1])] : undefined;
  };
  const t = range(target);
  if (!t) throw new Error(`invalid containerPort: ${target}`);
  const p = published ? range(published) : undefined;
  if (published && !p) throw new Error(`invalid hostPort: ${published}`);
  const out: PortConfig[] = [];
  for (let i = 0; i <= t[1] - t[0]; i++) {
    let pub: string | undefined;
    // one container port with a host range lets the daemon pick a port in it
    if (p) pub = t[0] === t[1] && p[0] !== p[1] ? `${p[0]}-${p[1]}` : String(p[0] + i);
    out.push({ mode: 'ingress', ...(ip ? { host_ip: ip } : {}), target: t[0] + i, ...(pub ? { published: pub } : {}), protocol });
  }
  return out;
}

function isFilePath(source: string): boolean {
  return source !== '' && '.~/'.includes(source[0]!);
}

/** format.ParseVolume: `[source:]target[:options]`. */
export function parseVolume(spec: string): VolumeMount {
  if (!spec) throw new Error('invalid empty volume spec');
  const parts = spec.split(':');
  if (parts.some((p) => p === '')) throw new Error(`invalid spec: ${spec}: empty section between colons`);
  if (parts.length > 3) throw new Error(`invalid spec: ${spec}: too many colons`);
  let v: VolumeMount;
  if (parts.length === 1) v = { type: 'volume', target: parts[0]! };
  else v = { type: 'volume', source: parts[0]!, target: parts[1]! };
  for (const opt of (parts[2] ?? '').split(',').filter(Boolean)) {
    if (opt === 'ro') v.read_only = true;
    else if (opt === 'rw') v.read_only = false;
    else if (opt === 'nocopy') v.volume = { nocopy: true };
    else if (['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave'].includes(opt)) v.bind = { ...v.bind, propagation: opt };
    else if (opt === 'z' || opt === 'Z') v.bind = { ...v.bind, selinux: opt };
  }
  if (v.source !== undefined && isFilePath(v.source)) {
    v.type = 'bind';
    v.bind = { ...v.bind, create_host_path: true };
  } else v.volume ??= {};
  if (!v.read_only) delete v.read_only;
  return v;
}
