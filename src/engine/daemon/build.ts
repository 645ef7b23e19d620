/**
 * POST /build: the daemon side of `docker build`. The client sends the context (a tar) and the
 * options; the daemon runs the builder (../build) against its image store and containers, streams
 * the progress text, and keeps the build cache between builds.
 */
import type { Clock } from '../clock';
import type { Emitter } from '../events';
import type { ImageStore } from '../image/store';
import type { ContainerService } from './containers';
import type { ImageService } from './images';
import { BuildFailure, type BuildOptions } from '../build/types';
import { trackRealWork } from '../../lib/realwork';
import { ShellLexError } from '../build/dockerfile/shell-lex';
import { contextFromTar } from '../build/context';
import type { TarEntry } from '../../lib/tar';
import type { BuildCache } from '../build/cache';
import { normalize } from '../../lib/reference';
import { imageEvent } from './event-log';
import { DaemonError, StreamError } from '../../api/daemon';
import type { BuildRequest } from '../../api/bodies';

export interface BuildServices {
  /** The host's files (RUN --mount's cache directories live there). */
  hostFs?: () => import('../../api/fs').Fs;
  store: ImageStore;
  clock: Clock;
  containers: ContainerService;
  images: ImageService;
  events: Emitter;
  /** The next build's number on this machine (the pictures follow a build by `build-N`). */
  nextBuild: () => number;
}

/**
 * The builder (the Dockerfile's instructions, BuildKit's and the classic builder's output) is a
 * chunk of its own in the worker build, loaded by the first build or the prefetch after the
 * prompt (issue 16). Tracked as real work, so virtual time stands still while it loads.
 */
let builderLoading: Promise<typeof import('../build/builder')> | undefined;
export function loadBuilder(): Promise<typeof import('../build/builder')> {
  return (builderLoading ??= trackRealWork(import('../build/builder')).catch((e: unknown) => {
    builderLoading = undefined;
    throw e;
  }));
}

/**
 * Runs the build and resolves with the image ID. A failed build throws what the client prints: a
 * StreamError (BuildKit's `ERROR: failed to build: …`, the classic builder's step error) printed
 * bare with its exit code, or a DaemonError for a refusal (`Error response from daemon: …`).
 */
export async function runBuild(daemon: BuildServices, cache: BuildCache, req: BuildRequest, onOutput: (text: string) => Promise<void>): Promise<string> {
  const context = contextFromTar(req.context);
  let df = context.get(req.dockerfileName.replace(/^\.\//, ''));
  // "dockerfile is also supported casing moby/moby#10858" (BuildKit's dockerui/config.go, the
  // classic client's getDockerfileRelPath): a missing Dockerfile falls back to `dockerfile`.
  if ((!df || df.kind !== 'file') && /(^|\/)Dockerfile$/.test(req.dockerfileName)) {
    const lower = context.get(req.dockerfileName.replace(/^\.\//, '').replace(/Dockerfile$/, 'dockerfile'));
    if (lower?.kind === 'file') df = lower;
  }
  if (!df || df.kind !== 'file') {
    if (req.classic) throw new DaemonError(`Cannot locate specified Dockerfile: ${req.dockerfileName}`, 400);
    throw new StreamError(`ERROR: failed to build: failed to solve: failed to read dockerfile: open ${req.dockerfileLabel ?? req.dockerfileName}: no such file or directory`, 400, 1);
  }
  let Builder: Awaited<ReturnType<typeof loadBuilder>>['Builder'];
  try {
    ({ Builder } = await loadBuilder());
  } catch (e) {
    throw new StreamError(`ERROR: failed to build: cannot load the builder's code: ${e instanceof Error ? e.message : String(e)}`, 500, 1);
  }
  // The pictures follow a build by its ID: started, each step started and done, finished.
  const build = `build-${daemon.nextBuild()}`;
  // BuildKit's exporter logs `image create` for the image it wrote (daemon/build.go
  // ImageExportedByBuildkit), before the image service tags it.
  const created = new Set<string>();
  const announceCreated = (id: string) => {
    if (req.classic || created.has(id)) return;
    created.add(id);
    imageEvent(daemon.events, daemon.store.get(id), id, id, 'create');
  };
  const emit = daemon.events.emit.bind(daemon.events);
  emit({ type: 'build.started', build, dockerfile: req.dockerfileName, tags: req.tags, classic: req.classic });
  const builder = new Builder(
    {
      store: daemon.store,
      clock: daemon.clock,
      containers: daemon.containers,
      pull: (ref, onProgress, intoBuildCache) => daemon.images.pull(ref, onProgress, undefined, intoBuildCache),
      normalize: (ref) => {
        try {
          return normalize(ref);
        } catch (e) {
          throw new BuildFailure(`invalid reference format: ${(e as Error).message}`);
        }
      },
      tag: (id, ref) => {
        announceCreated(id);
        daemon.images.tag(id, ref);
      },
      cache,
      hostFs: daemon.hostFs,
      emit: (e) => {
        emit({ ...e, build });
        if (e.type === 'build.step' && !e.cached && e.layer) emit({ type: 'layer.created', diffId: e.layer });
      },
    },
    { ...req, context, dockerfile: new TextDecoder().decode(df.data) },
    onOutput,
  );
  let imageId: string;
  try {
    imageId = await builder.run();
    if (imageId) announceCreated(imageId);
  } catch (e) {
    const failure = buildError(e, req.classic);
    // The pictures show the failure as the client prints it.
    emit({ type: 'build.finished', build, error: !failure ? String(e) : failure instanceof StreamError ? failure.message : `Error response from daemon: ${failure.message}` });
    throw failure ?? e;
  }
  emit({ type: 'build.finished', build, imageId });
  return imageId;
}

/** What a failed build throws to the client (see runBuild); undefined for an internal error. */
function buildError(e: unknown, classic: boolean): DaemonError | undefined {
  if (e instanceof BuildFailure) return new StreamError(e.message, 500, e.status || 1);
  if (e instanceof DaemonError) return classic ? new DaemonError(e.message, e.status) : new StreamError(`ERROR: failed to build: failed to solve: ${e.message}`, e.status, 1);
  // The word expander's `failed to process "…": …` at a step it met only while running (USER,
  // WORKDIR …) is a solve failure like any other, not an internal error.
  if (e instanceof ShellLexError) return new StreamError(classic ? e.message : `ERROR: failed to build: failed to solve: ${e.message}`, 400, 1);
  return undefined;
}

/**
 * POST /build/prune (`docker builder prune`): drop the cache records no tagged image or container
 * still stands on (the dangling ones), or all of them with `all`. The step images stay in the
 * store (tagged images are made of them); only the cache's memory of them goes, so the next
 * build runs those steps again.
 */
export function pruneBuildCache(daemon: Pick<BuildServices, 'store' | 'containers'>, cache: BuildCache, all: boolean): { CachesDeleted: string[] | null; SpaceReclaimed: number } {
  const held = new Set<string>();
  const hold = (id: string | undefined) => {
    for (let img = id ? daemon.store.get(id) : undefined; img && !held.has(img.id); img = img.parent ? daemon.store.get(img.parent) : undefined) held.add(img.id);
  };
  for (const img of daemon.store.list()) if (daemon.store.repoTags(img.id).length) hold(img.id);
  for (const c of daemon.containers.containers.values()) hold(c.imageId);
  const gone = cache.prune(all, (id) => held.has(id));
  // BuildKit's step results live only as cache: forgetting a record drops its snapshot, so the
  // layers no image uses are freed (a later pull downloads them again).
  for (const r of gone) {
    if (held.has(r.imageId) || !daemon.store.isCacheOnly(r.imageId) || !daemon.store.get(r.imageId)) continue;
    try {
      daemon.store.remove(r.imageId, { force: true });
      daemon.store.setCacheOnly(r.imageId, false);
    } catch {
      /* still used somewhere: kept */
    }
  }
  // Base images BuildKit pulled for a build are cache too: once no image or container stands on
  // them and no remaining record uses them, they go (their layers are freed, a later build pulls).
  const recorded = new Set(cache.list().map((r) => r.imageId));
  // Layers an image or container still uses: a base whose layers they all are frees nothing.
  const inUse = new Set<string>();
  for (const id of held) for (const d of daemon.store.get(id)?.config.rootfs.diff_ids ?? []) inUse.add(d);
  const bases: { id: string }[] = [];
  const sizeBefore = daemon.store.totalLayerSize();
  for (const img of daemon.store.list()) {
    if (held.has(img.id) || recorded.has(img.id) || !daemon.store.isCacheOnly(img.id) || daemon.store.repoTags(img.id).length) continue;
    if (daemon.store.children(img.id).length) continue;
    if (img.config.rootfs.diff_ids.every((d) => inUse.has(d))) continue;
    try {
      daemon.store.remove(img.id, { force: true });
      daemon.store.setCacheOnly(img.id, false);
      bases.push({ id: img.id.slice(7, 32) });
    } catch {
      /* still used somewhere: kept */
    }
  }
  // A held record's layer stays in the images that use it: forgetting it frees nothing.
  const ids = [...gone.map((r) => r.id), ...bases.map((b) => b.id)];
  return { CachesDeleted: ids.length ? ids : null, SpaceReclaimed: gone.reduce((n, r) => n + (held.has(r.imageId) ? 0 : r.size), 0) + (sizeBefore - daemon.store.totalLayerSize()) };
}
