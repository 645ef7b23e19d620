/**
 * POST /containers/create: the request merged with the image's config (moby's daemon/create.go and
 * container's config merge), the name checked or generated, the writable layer stacked on the
 * image's layers, mounts resolved. Functions of the container service (`this`), see containers.ts.
 */
import { ensureDirRoom } from './layer-space';
import { sha256hex } from '../../lib/hash';
import type { ContainerService } from './containers';
import { resolveMounts, prepareMounts } from '../volume/mounts';
import { checkResources } from './update';
import { Layer, MutableLayer } from '../fs/layer';
import { Overlay } from '../fs/overlay';
import { Vfs } from '../fs/vfs';
import type { Image } from '../image/store';
import { familiarize } from '../../lib/reference';
import { Container, type ContainerConfig } from '../container/container';
import { generateName, VALID_NAME } from '../container/names';
import { DaemonError } from '../../api/daemon';
import { containerEvent } from './event-log';
import { completeHostConfig, logSizeBytes, type LogConfig } from './host-config';

export function newId(this: ContainerService): string {
  for (;;) {
    const id = this.d.rng.hex(32);
    // The short ID is the default hostname, which must not look like a number.
    if (!/^\d{12}/.test(id)) return id;
  }
}

export function create(this: ContainerService, body: { name?: string; config: Record<string, unknown>; hostConfig: Record<string, unknown>; networkingConfig?: Record<string, unknown> }): { Id: string; Warnings: string[] } {
  const req = body.config as Partial<ContainerConfig> & { Image?: string };
  // moby checks the settings before it looks for the image.
  checkResources(body.hostConfig);
  const imageRef = String(req.Image ?? '');
  const img = this.d.store.find(imageRef);
  if (!img) throw new DaemonError(`No such image: ${safeFamiliar(imageRef)}`, 404);
  // The layer store refuses a chain deeper than overlayfs can stack under a container's own
  // layers (moby's ErrMaxDepthExceeded): 127 image layers is the most a container can run on.
  if (img.layers.length > MAX_IMAGE_LAYERS) throw new DaemonError('max depth exceeded', 500);
  if (body.name !== undefined && body.name !== '') {
    const name = body.name.replace(/^\//, '');
    if (!VALID_NAME.test(name)) throw new DaemonError(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 400);
    const taken = [...this.containers.values()].find((c) => c.name === name);
    if (taken) {
      throw new DaemonError(
        `Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`,
        409,
      );
    }
  }
  const id = this.newId();
  const name = body.name ? body.name.replace(/^\//, '') : generateName(this.d.rng, (n) => [...this.containers.values()].some((c) => c.name === n), id.slice(0, 12));
  const config = mergeConfig(img, req, id);
  const hostConfig = completeHostConfig(body.hostConfig, this.d.logDefault?.());
  const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
  if (argv.length === 0) throw new DaemonError('no command specified', 400);
  ensureDirRoom(this.d.disk, `/var/lib/docker/overlay2/${sha256hex(id)}-init`);
  const rootfs = new Overlay(img.layers as Layer[], new MutableLayer({ now: () => this.d.clock.now(), disk: this.d.disk }));
  const mode = String(hostConfig.NetworkMode || 'bridge');
  // An unknown --network is found out at start (Docker 28: "failed to set up container
  // networking: network X not found"), the container stays Created.
  // --network host and --uts host both give the container the host's UTS namespace: its name.
  if ((mode === 'host' || hostConfig.UTSMode === 'host') && !req.Hostname) config.Hostname = 'docker-lab';
  if (mode.startsWith('container:')) {
    const other = this.find(mode.slice(10));
    if (other) config.Hostname = other.config.Hostname;
  }
  const c = new Container(id, name, this.d.clock.now(), img.id, imageRef, argv[0], argv.slice(1), config, hostConfig, rootfs);
  applyLogCaps(c);
  const ep = (body.networkingConfig?.EndpointsConfig ?? {}) as Record<string, { Aliases?: string[] }>;
  c.netAliases = Object.values(ep).flatMap((e) => e.Aliases ?? []);
  if (this.d.volumes && this.d.hostFs) {
    const hostFs = this.d.hostFs();
    c.mounts = resolveMounts(hostConfig as Parameters<typeof resolveMounts>[0], Object.keys(config.Volumes ?? {}), {
      volumes: this.d.volumes,
      hostFs,
      mountsOf: (ref) => this.get(ref).mounts,
    });
    prepareMounts(new Vfs(rootfs, { now: () => this.d.clock.now() }).view({ uid: 0, gid: 0, groups: [0] }, '/'), c.mounts, hostFs, this.d.volumes);
  }
  this.d.store.retainLayers(img.chainIds);
  this.layerChains.set(id, img.chainIds);
  this.containers.set(id, c);
  this.d.events.emit({ type: 'container.created', id, name, image: imageRef });
  containerEvent(this.d.events, c, 'create');
  // The pictures draw volumes and bind mounts beside the layer stack: they bypass the overlay.
  if (c.mounts.length) {
    this.d.events.emit({ type: 'container.mounts', id, mounts: c.mounts.map((m) => ({ type: m.Type, ...(m.Name ? { name: m.Name } : {}), source: m.Source, target: m.Destination, rw: m.RW })) });
  }
  return { Id: id, Warnings: [] };
}

/** The most image layers a container's root filesystem may stack (see create). */
export const MAX_IMAGE_LAYERS = 127;

function safeFamiliar(ref: string): string {
  try {
    return familiarize(ref);
  } catch {
    return ref;
  }
}

function mergeConfig(img: Image, req: Partial<ContainerConfig>, id: string): ContainerConfig {
  const ic = img.config.config;
  const env = new Map<string, string>();
  for (const kv of [...(ic.Env ?? []), ...(req.Env ?? [])]) {
    const i = kv.indexOf('=');
    env.set(i < 0 ? kv : kv.slice(0, i), kv);
  }
  const entrypoint = req.Entrypoint !== undefined && req.Entrypoint !== null ? (req.Entrypoint.length && req.Entrypoint[0] !== '' ? req.Entrypoint : null) : (ic.Entrypoint ?? null);
  // A new entrypoint resets the image's CMD, as Docker does.
  const cmd = req.Cmd && req.Cmd.length ? req.Cmd : req.Entrypoint !== undefined && req.Entrypoint !== null ? null : (ic.Cmd ?? null);
  return {
    Hostname: req.Hostname || id.slice(0, 12),
    Domainname: req.Domainname ?? '',
    User: req.User || ic.User || '',
    AttachStdin: req.AttachStdin ?? false,
    AttachStdout: req.AttachStdout ?? true,
    AttachStderr: req.AttachStderr ?? true,
    ExposedPorts: { ...(ic.ExposedPorts ?? {}), ...(req.ExposedPorts ?? {}) },
    Tty: req.Tty ?? false,
    OpenStdin: req.OpenStdin ?? false,
    StdinOnce: req.StdinOnce ?? false,
    Env: [...env.values()],
    Cmd: cmd,
    Image: req.Image ?? '',
    Volumes: (req.Volumes ?? ic.Volumes ?? null) as ContainerConfig['Volumes'],
    WorkingDir: req.WorkingDir || ic.WorkingDir || '',
    Entrypoint: entrypoint,
    OnBuild: null,
    Labels: { ...(ic.Labels ?? {}), ...(req.Labels ?? {}) },
    StopSignal: req.StopSignal ?? ic.StopSignal,
    StopTimeout: req.StopTimeout,
    ...mergeHealthcheck(ic.Healthcheck, req.Healthcheck),
    ...(ic.Shell ? { Shell: [...ic.Shell] } : {}),
  };
}

/** moby's merge: the --health-* values that are set win; the test comes from the image unless given. */
function mergeHealthcheck(image: ContainerConfig['Healthcheck'], user: ContainerConfig['Healthcheck']): Pick<ContainerConfig, 'Healthcheck'> {
  if (!image && !user) return {};
  if (!user) return { Healthcheck: { ...image } };
  const out = { ...(image ?? {}) };
  for (const [k, v] of Object.entries(user)) if (Array.isArray(v) ? v.length : v) (out as Record<string, unknown>)[k] = v;
  return { Healthcheck: out };
}

/** json-file's `max-size`/`max-file` become the container log's rotation (max-file alone is 1 file). */
export function applyLogCaps(c: Container): void {
  const lc = c.hostConfig.LogConfig as LogConfig | undefined;
  if (lc?.Type !== 'json-file') return;
  const size = logSizeBytes(lc.Config['max-size']);
  if (size === undefined || size <= 0) return;
  c.logMaxSize = size;
  c.logMaxFile = Math.max(1, Number(lc.Config['max-file'] ?? 1) || 1);
}
