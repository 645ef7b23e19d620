/**
 * The client's credential store: ~/.docker/config.json (or $DOCKER_CONFIG/config.json) with
 * `auths.<server>.auth` = base64("user:password"), unencrypted, as the CLI keeps it when no
 * credential helper is configured. Login writes it, logout removes the entry, push reads it.
 */
import type { Fs } from '../../../api/fs';
import { CliError, type RunContext } from '../../framework/types';

/** The key Docker Hub's credentials are stored under (the CLI's registry.IndexServer). */
export const HUB = 'https://index.docker.io/v1/';

export function clientFs(ctx: RunContext): Fs {
  const fs = ctx.io.fs;
  if (!fs) throw new CliError('docker: no client filesystem', 1);
  return fs;
}

export function configPath(ctx: RunContext): string {
  return `${(ctx.io.env.DOCKER_CONFIG || `${ctx.io.env.HOME || '/root'}/.docker`).replace(/\/$/, '')}/config.json`;
}

export interface ClientConfig {
  auths?: Record<string, { auth?: string }>;
  [k: string]: unknown;
}

export function readConfig(ctx: RunContext): ClientConfig {
  try {
    return JSON.parse(clientFs(ctx).readText(configPath(ctx))) as ClientConfig;
  } catch {
    return {};
  }
}

/** Go's json.MarshalIndent with tabs and no final newline, as the CLI writes config.json. */
export function writeConfig(ctx: RunContext, cfg: ClientConfig): void {
  const fs = clientFs(ctx);
  const path = configPath(ctx);
  const dir = path.slice(0, path.lastIndexOf('/'));
  if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true, mode: 0o700 });
  fs.writeFile(path, JSON.stringify(cfg, null, '\t'), { mode: 0o600 });
}

/** The config.json key for a registry: the Hub's index URL, or the bare host[:port]. */
export function serverKey(server: string | undefined): string {
  if (!server || server === 'docker.io' || server === 'index.docker.io' || server === 'registry-1.docker.io') return HUB;
  return server.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** The registry host a reference names (`localhost:5000/x` → localhost:5000), or undefined for the Hub. */
export function hostOf(ref: string): string | undefined {
  const first = ref.split('/')[0];
  return ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
}

/** The user the client would send for a reference's registry (undefined when not logged in). */
export function userFor(ctx: RunContext, ref: string): string | undefined {
  const auth = readConfig(ctx).auths?.[serverKey(hostOf(ref))]?.auth;
  if (!auth) return undefined;
  try {
    return atob(auth).split(':')[0];
  } catch {
    return undefined;
  }
}
