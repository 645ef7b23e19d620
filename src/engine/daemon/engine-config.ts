/**
 * /etc/docker/daemon.json and `systemctl restart docker`. dockerd reads its configuration file
 * when it starts, so an edit takes effect only after a restart — which stops the running
 * containers (as docker stop would, each with its grace period) and starts again those whose
 * restart policy says so. The simulator keeps the settings a learner meets first: registry
 * mirrors (shown by `docker info`) and insecure registries; pulls still come from the simulated Hub.
 */
import type { Fs } from '../../api/fs';
import type { Container } from '../container/container';
import { DAEMON_JSON_KEYS } from './daemon-json-keys';

export interface EngineConfig {
  /** Normalised as moby does: scheme required, one trailing slash. */
  mirrors: string[];
  insecureRegistries: string[];
  /** `log-driver` and `log-opts`: what containers created without --log-driver get. */
  log: { Type: string; Config: Record<string, string> };
}

export const DAEMON_JSON = '/etc/docker/daemon.json';

export function defaultEngineConfig(): EngineConfig {
  return { mirrors: [], insecureRegistries: [], log: { Type: 'json-file', Config: {} } };
}

/** Read daemon.json the way dockerd does at start: a bad file stops the daemon from starting. */
export function readEngineConfig(fs: Fs): EngineConfig | { error: string } {
  if (!fs.exists(DAEMON_JSON)) return defaultEngineConfig();
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readText(DAEMON_JSON) || '{}');
  } catch (e) {
    return { error: `unable to configure the Docker daemon with file ${DAEMON_JSON}: ${jsonError(e)}` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { error: `unable to configure the Docker daemon with file ${DAEMON_JSON}: json: cannot unmarshal ${Array.isArray(raw) ? 'array' : typeof raw} into Go value of type map[string]interface {}` };
  }
  const o = raw as Record<string, unknown>;
  // Go ranges over a map in no fixed order; the file's order keeps the message reproducible.
  const unknown = Object.keys(o).filter((k) => !DAEMON_JSON_KEYS.has(k));
  if (unknown.length) {
    return { error: `unable to configure the Docker daemon with file ${DAEMON_JSON}: the following directives don't match any configuration option: ${unknown.join(', ')}` };
  }
  const cfg = defaultEngineConfig();
  const list = (key: string): string[] | { error: string } => {
    const v = o[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      return { error: `unable to configure the Docker daemon with file ${DAEMON_JSON}: the following directives don't match any configuration option: ${key}` };
    }
    return v as string[];
  };
  const mirrors = list('registry-mirrors');
  if ('error' in mirrors) return mirrors;
  for (const m of mirrors) {
    const t = m.replace(/\/+$/, '');
    if (!/^https?:\/\//.test(t)) return { error: `invalid mirror: no scheme specified for "${m}": must use either 'https://' or 'http://'` };
    if (/^https?:\/\/[^/]+\/./.test(t)) return { error: `invalid mirror: path, query, or fragment at end of the URI "${m}"` };
    cfg.mirrors.push(t + '/');
  }
  const insecure = list('insecure-registries');
  if ('error' in insecure) return insecure;
  cfg.insecureRegistries = insecure;
  if (typeof o['log-driver'] === 'string' && o['log-driver']) cfg.log = { Type: o['log-driver'], Config: {} };
  const logOpts = o['log-opts'];
  if (logOpts && typeof logOpts === 'object' && !Array.isArray(logOpts)) cfg.log.Config = Object.fromEntries(Object.entries(logOpts).map(([k, v]) => [k, String(v)]));
  return cfg;
}

function jsonError(e: unknown): string {
  const m = /Unexpected token '?(.)'?|Unexpected end/.exec((e as Error).message);
  if (m?.[1]) return `invalid character '${m[1]}' looking for beginning of value`;
  return 'unexpected end of JSON input';
}

/**
 * dockerd going down and coming back: running containers are stopped together (SIGTERM, then
 * SIGKILL after their timeout), then those with `always`, or `unless-stopped` and not stopped by
 * the user before, are started again.
 */
export async function restartContainers(
  all: Iterable<Container>,
  stop: (c: Container) => Promise<void>,
  start: (c: Container) => void,
): Promise<void> {
  const list = [...all];
  const again = list.filter((c) => {
    const p = c.hostConfig.RestartPolicy?.Name ?? 'no';
    return p === 'always' || (p === 'unless-stopped' && (c.running || !c.stoppedByUser));
  });
  await Promise.all(list.filter((c) => c.running).map((c) => stop(c)));
  for (const c of again) start(c);
}
