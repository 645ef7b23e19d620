/**
 * The names Tab completion offers for `docker`, read from this machine's daemon through the same
 * Engine API calls Docker's bash completion makes (`docker ps --filter status=…`, `docker image ls`,
 * `docker network ls`, `docker volume ls`): contrib/completion/bash/docker in docker/cli.
 * Every lookup fails quietly (the script runs them with 2>/dev/null): a stopped daemon or a user
 * outside the docker group gets no names, never an error on the terminal.
 */
import type { DaemonApi } from '../../api/daemon';
import type { Fs } from '../../api/fs';
import type { CompletionSources } from '../../api/client';

export type { CompletionSources };

/** __docker_complete_containers_* : which states each verb offers. */
export type ContainerSet = 'all' | 'running' | 'stoppable' | 'stopped' | 'removable' | 'unpauseable';
const STATUS: Record<ContainerSet, string[] | undefined> = {
  all: undefined,
  running: ['running'],
  stoppable: ['running', 'paused'],
  stopped: ['exited'],
  removable: ['created', 'exited'],
  unpauseable: ['paused'],
};

async function quietly<T>(src: CompletionSources, fs: Fs, fn: () => Promise<T[]>): Promise<T[]> {
  if (src.daemon.engineFailed() || !src.canUseDaemon(fs)) return [];
  try {
    return await fn();
  } catch {
    return [];
  }
}

/**
 * Container names (`{{.Names}}`), and their short IDs too when DOCKER_COMPLETION_SHOW_CONTAINER_IDS
 * is `yes`, as the script's __docker_containers does.
 */
export async function containerNames(src: CompletionSources, fs: Fs, env: Record<string, string>, set: ContainerSet): Promise<string[]> {
  const status = STATUS[set];
  const list = await quietly(src, fs, () => src.daemon.containerList({ all: set !== 'running' && set !== 'stoppable' ? true : !!status, limit: 0, size: false, filters: status ? { status } : {} }));
  const withIds = env.DOCKER_COMPLETION_SHOW_CONTAINER_IDS === 'yes';
  return list.flatMap((c) => {
    // Names holds link aliases too (`/other/alias`); the container's own name has one slash.
    const names = c.Names.filter((n) => n.lastIndexOf('/') === 0).map((n) => n.slice(1));
    return withIds ? [c.Id.slice(0, 12), ...names] : names;
  });
}

/**
 * __docker_images: `repo` (nginx), `tag` (nginx:latest), `forceTag` (only repo:tag), `id` (only with
 * DOCKER_COMPLETION_SHOW_IMAGE_IDS=all|non-intermediate). Untagged images are left out.
 */
export async function imageNames(src: CompletionSources, fs: Fs, env: Record<string, string>, want: { repo?: boolean; tag?: boolean; forceTag?: boolean; id?: boolean }): Promise<string[]> {
  const showIds = env.DOCKER_COMPLETION_SHOW_IMAGE_IDS;
  const list = await quietly(src, fs, () => src.daemon.imageList({ all: showIds === 'all', filters: {} }));
  const showTags = (env.DOCKER_COMPLETION_SHOW_TAGS || 'yes') === 'yes';
  const out: string[] = [];
  for (const img of list) {
    for (const ref of img.RepoTags ?? []) {
      if (ref === '<none>:<none>') continue;
      const colon = ref.lastIndexOf(':');
      const repo = colon > ref.lastIndexOf('/') ? ref.slice(0, colon) : ref;
      if (want.repo) out.push(repo);
      if ((want.tag && showTags) || want.forceTag) out.push(ref);
    }
    if (want.id && (showIds === 'all' || showIds === 'non-intermediate')) out.push(img.Id);
  }
  return out;
}

/** __docker_networks: names (and IDs with DOCKER_COMPLETION_SHOW_NETWORK_IDS=yes). */
export async function networkNames(src: CompletionSources, fs: Fs, env: Record<string, string>, filters: Record<string, string[]> = {}): Promise<string[]> {
  const list = await quietly(src, fs, async () => (src.daemon.networkList ? src.daemon.networkList(filters) : []));
  const withIds = env.DOCKER_COMPLETION_SHOW_NETWORK_IDS === 'yes';
  return list.flatMap((n) => (withIds ? [String(n.Id).slice(0, 12), String(n.Name)] : [String(n.Name)]));
}

/** __docker_complete_containers_in_network: the IDs and names attached to one network. */
export async function containersInNetwork(src: CompletionSources, fs: Fs, network: string): Promise<string[]> {
  const got = await quietly(src, fs, async () => (src.daemon.networkInspect ? [await src.daemon.networkInspect(network)] : []));
  const attached = (got[0]?.Containers ?? {}) as Record<string, { Name?: string }>;
  return Object.entries(attached).flatMap(([id, c]) => [id, ...(c.Name ? [c.Name] : [])]);
}

/** __docker_volumes: `docker volume ls -q`. */
export async function volumeNames(src: CompletionSources, fs: Fs): Promise<string[]> {
  const list = await quietly(src, fs, async () => (src.daemon.volumeList ? src.daemon.volumeList({}) : []));
  return list.map((v) => String(v.Name));
}

/** __docker_plugins_bundled --type Network: the drivers `docker info` lists (bridge, host, null …). */
export async function bundledNetworkDrivers(src: CompletionSources, fs: Fs): Promise<string[]> {
  const info = await quietly(src, fs, async () => [await src.daemon.info()]);
  const plugins = (info[0]?.Plugins ?? {}) as { Network?: string[] | null };
  return [...(plugins.Network ?? [])];
}

/**
 * Compose's completeServiceNames: the services (enabled or not) of the project found from the
 * current directory, read offline; a broken or missing file offers nothing.
 */
export async function composeServices(fs: Fs, env: Record<string, string>, opts: { files: string[]; projectDirectory: string }): Promise<string[]> {
  try {
    // Compose's loader and its YAML parser are a chunk loaded on first use (programs/lazy.ts).
    const { loadProject } = await import('../compose/loader');
    const p = loadProject({ files: opts.files, projectName: '', projectDirectory: opts.projectDirectory, envFiles: [], profiles: [] }, { fs, env, warn: () => {} });
    return [...Object.keys(p.services), ...Object.keys(p.disabled)];
  } catch {
    return [];
  }
}

/**
 * `web:/et` → `web:/etc/`: paths inside a container for `docker cp`. Docker's own script stops at
 * `web:`; the simulator can look inside cheaply, so it goes one step further.
 */
export function containerPaths(src: CompletionSources, fs: Fs, current: string): string[] {
  const colon = current.indexOf(':');
  const ref = current.slice(0, colon);
  const inside = current.slice(colon + 1);
  if (!src.containerFs || !src.canUseDaemon(fs) || src.daemon.engineFailed()) return [];
  let cfs: Fs | undefined;
  try {
    cfs = src.containerFs(ref);
  } catch {
    return [];
  }
  if (!cfs) return [];
  // Inside the container the working directory is `/`: a relative path is taken from there, and
  // a bare `web:` is offered the root's entries as absolute paths.
  const abs = inside === '' || inside.startsWith('/');
  return src.paths(cfs, abs ? inside || '/' : '/' + inside).map((p) => `${ref}:${abs ? p : p.slice(1)}`);
}
