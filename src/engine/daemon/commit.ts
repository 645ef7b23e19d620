/**
 * `docker commit`: a container's writable layer frozen into a new image layer on top of its image,
 * with the container's configuration (plus `--change` instructions) as the new image's defaults
 * and a history entry recording the container's command.
 */
import type { Clock } from '../clock';
import type { Container } from '../container/container';
import type { MutableLayer } from '../fs/layer';
import type { Overlay } from '../fs/overlay';
import { cloneConfig, type ContainerConfig as ImageRuntimeConfig, type ImageConfig } from '../image/config';
import type { Image, ImageStore } from '../image/store';
import { DaemonError } from '../../api/daemon';
import type { DiskSpace } from '../fs/disk';
import { sha256hex } from '../../lib/hash';
import { ensureCommitRoom } from './layer-space';

/** Parse one `--change` line (a Dockerfile instruction) into the config. */
export function applyChange(cfg: ImageRuntimeConfig, line: string): void {
  const m = /^\s*(\w+)\s+(.*)$/s.exec(line);
  if (!m) throw new DaemonError(`dockerfile parse error on line 1: unknown instruction: ${line.trim().toUpperCase()}`, 400);
  const op = m[1].toUpperCase();
  const rest = m[2].trim();
  const cmdForm = (): string[] => {
    if (rest.startsWith('[')) {
      try {
        const v = JSON.parse(rest);
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
      } catch {
        /* shell form */
      }
    }
    return ['/bin/sh', '-c', rest];
  };
  const pairs = (): [string, string][] => {
    if (!rest.includes('=')) {
      const sp = rest.search(/\s/);
      return [[rest.slice(0, sp < 0 ? undefined : sp), sp < 0 ? '' : rest.slice(sp + 1).trim()]];
    }
    return [...rest.matchAll(/([^\s=]+)=("(?:[^"\\]|\\.)*"|\S*)/g)].map((x) => [x[1], x[2].replace(/^"|"$/g, '')]);
  };
  switch (op) {
    case 'CMD': cfg.Cmd = cmdForm(); break;
    case 'ENTRYPOINT': cfg.Entrypoint = cmdForm(); break;
    case 'ENV': {
      const env = new Map((cfg.Env ?? []).map((e) => [e.split('=')[0], e] as const));
      for (const [k, v] of pairs()) env.set(k, `${k}=${v}`);
      cfg.Env = [...env.values()];
      break;
    }
    case 'LABEL': cfg.Labels = { ...(cfg.Labels ?? {}), ...Object.fromEntries(pairs()) }; break;
    case 'EXPOSE': for (const p of rest.split(/\s+/)) (cfg.ExposedPorts ??= {})[p.includes('/') ? p : `${p}/tcp`] = {}; break;
    case 'USER': cfg.User = rest; break;
    case 'WORKDIR': cfg.WorkingDir = rest; break;
    case 'STOPSIGNAL': cfg.StopSignal = rest; break;
    case 'VOLUME': for (const v of rest.startsWith('[') ? (JSON.parse(rest) as string[]) : rest.split(/\s+/)) (cfg.Volumes ??= {})[v] = {}; break;
    default:
      throw new DaemonError(`${op} is not a valid change command`, 400);
  }
}

export function commitContainer(
  c: Container,
  store: ImageStore,
  clock: Clock,
  opts: { author?: string; message?: string; changes?: string[] },
  disk?: DiskSpace,
): Image {
  const base = store.get(c.imageId);
  if (!base) throw new DaemonError(`No such image: ${c.imageId}`, 404);
  const layer = ((c.rootfs as Overlay).upper as MutableLayer).freeze({ mtime: clock.now() });
  ensureCommitRoom(disk, layer, `/var/lib/docker/overlay2/${sha256hex(`${c.id}:${layer.diffId}:${clock.now()}`)}`);
  const cfg: ImageRuntimeConfig = {
    ...cloneConfig(base.config).config,
    Env: [...c.config.Env],
    Cmd: c.config.Cmd ? [...c.config.Cmd] : null,
    Entrypoint: c.config.Entrypoint ? [...c.config.Entrypoint] : null,
    WorkingDir: c.config.WorkingDir,
    User: c.config.User,
    Labels: { ...(c.config.Labels ?? {}) },
    ExposedPorts: c.config.ExposedPorts ? { ...(c.config.ExposedPorts as Record<string, Record<string, never>>) } : undefined,
  };
  for (const ch of opts.changes ?? []) applyChange(cfg, ch);
  const created = new Date(clock.now()).toISOString();
  const config: ImageConfig = {
    ...cloneConfig(base.config),
    config: cfg,
    container: c.id,
    created,
    docker_version: '28.5.2',
    ...(opts.author ? { author: opts.author } : {}),
    rootfs: { type: 'layers', diff_ids: [...base.config.rootfs.diff_ids, layer.diffId] },
    history: [
      ...(base.config.history ?? []),
      { created, created_by: (c.config.Cmd ?? []).join(' '), ...(opts.author ? { author: opts.author } : {}), ...(opts.message ? { comment: opts.message } : {}) },
    ],
  };
  return store.add(config, [...base.layers, layer], { parent: base.id });
}
