/**
 * The image config JSON (OCI image-spec config.md plus Docker's extra fields) and the content
 * addresses derived from it: image ID = sha256 of the config bytes, chain IDs from diff IDs.
 */
import { hex as toHex, sha256Digest } from '../../lib/hash';

/** Re-exported: the image ID and chain IDs below are built from it. */
export { sha256Digest, toHex };

/** The runtime defaults an image carries (`config` in the JSON; Go's container.Config subset). */
export interface ContainerConfig {
  Hostname?: string;
  Domainname?: string;
  User?: string;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  Env?: string[];
  Cmd?: string[] | null;
  Healthcheck?: {
    Test?: string[];
    Interval?: number;
    Timeout?: number;
    StartPeriod?: number;
    StartInterval?: number;
    Retries?: number;
  };
  ArgsEscaped?: boolean;
  Image?: string;
  Volumes?: Record<string, Record<string, never>> | null;
  WorkingDir?: string;
  Entrypoint?: string[] | null;
  OnBuild?: string[] | null;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  Shell?: string[];
}

export interface HistoryEntry {
  /** RFC 3339 */
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageConfig {
  architecture: string;
  os: string;
  variant?: string;
  config: ContainerConfig;
  /** Docker's legacy fields, present on images built by the classic builder. */
  container?: string;
  container_config?: ContainerConfig;
  created?: string;
  author?: string;
  docker_version?: string;
  rootfs: { type: 'layers'; diff_ids: string[] };
  history: HistoryEntry[];
}

/**
 * The config's canonical bytes. Go's json.Marshal writes struct fields in declaration order and
 * map keys sorted; we sort every object's keys, which is deterministic for any construction order,
 * and escape <, > and & as Go does (`&&` in a RUN line becomes `\u0026\u0026`).
 */
export function canonicalJSON(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&]/g, (c) => '\\u00' + c.charCodeAt(0).toString(16));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/** Image ID: 'sha256:' + sha256 of the canonical config JSON (oci-layers.md §7). */
export function imageId(config: ImageConfig): string {
  return sha256Digest(canonicalJSON(config));
}

/** ChainID(L0) = DiffID(L0); ChainID(L0..Ln) = sha256(ChainID(L0..Ln-1) + ' ' + DiffID(Ln)). */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of diffIds) out.push(out.length === 0 ? d : sha256Digest(out[out.length - 1] + ' ' + d));
  return out;
}

/** A deep copy through JSON, so stored configs cannot be mutated by callers. */
export function cloneConfig(c: ImageConfig): ImageConfig {
  return JSON.parse(JSON.stringify(c)) as ImageConfig;
}

/** `stringid.TruncateID`: 12 hex characters, without the algorithm. */
export function shortId(id: string): string {
  const i = id.indexOf(':');
  return (i >= 0 ? id.slice(i + 1) : id).slice(0, 12);
}
