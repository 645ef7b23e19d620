/**
 * What the daemon holds, as plain data for the pictures (the layer, container and network views and
 * the compose projects): images as `docker images -a` lists them, each container's changes, mounts,
 * ports and links, each network's endpoints.
 */
import type { MachineView, ProjectView } from '../view';
import type { ImageStore } from '../image/store';
import type { NetworkService } from '../network/networks';
import type { VolumeService } from '../volume/volumes';
import type { ContainerService } from './containers';

export interface DescribeDeps {
  store: ImageStore;
  containers: ContainerService;
  networks: NetworkService;
  volumes: VolumeService;
}

/** The daemon's part of the machine view the pictures draw (view.ts): no processes, those are the kernel's. */
export function describeDaemon(d: DescribeDeps): Omit<MachineView, 'processes'> {
  // BuildKit's untagged step results are build cache, not images: the pictures show what
  // `docker images -a` lists (daemon/images.ts skips the same records).
  const { store } = d;
  const images = store.list().filter((img) => !(store.isCacheOnly(img.id) && !store.repoTags(img.id).length)).map((img) => {
    const history = (img.config.history ?? []).filter((h) => !h.empty_layer);
    return {
      id: img.id,
      tags: store.repoTags(img.id),
      size: store.size(img.id),
      layers: img.layers.map((l, i) => ({ diffId: l.diffId, size: l.size, createdBy: history[i]?.created_by ?? '' })),
    };
  });
  const containers = [...d.containers.containers.values()].map((c) => ({
    id: c.id,
    name: c.name,
    imageId: c.imageId,
    image: c.imageRef,
    state: c.state.Status,
    changes: c.rootfs.diff(),
    mounts: c.mounts.map((m) => ({ type: m.Type, ...(m.Name ? { name: m.Name } : {}), source: m.Source, target: m.Destination, rw: m.RW })),
    ports: d.networks.published(c.id).map((p) => ({ hostIp: p.hostIp, hostPort: p.hostPort, containerPort: p.containerPort })),
    links: [...((c.hostConfig.Links as string[] | undefined) ?? [])],
  }));
  const networks = [...d.networks.networks.values()].map((n) => ({
    id: n.id,
    name: n.name,
    driver: n.driver,
    subnet: n.subnet,
    gateway: n.gateway,
    endpoints: [...n.endpoints.values()].map((e) => ({ containerId: e.containerId, containerName: e.containerName, ip: e.ip, aliases: [...e.aliases] })),
  }));
  return { images, containers, networks, projects: projects(d) };
}

/** Compose projects, read from the com.docker.compose.* labels as `docker compose ls` reads them. */
function projects({ containers, networks, volumes }: Omit<DescribeDeps, 'store'>): ProjectView[] {
  const P = 'com.docker.compose.project';
  const byName = new Map<string, ProjectView>();
  const project = (name: string) => {
    let p = byName.get(name);
    if (!p) byName.set(name, (p = { name, services: [], networks: [], volumes: [] }));
    return p;
  };
  for (const c of containers.containers.values()) {
    const labels = (c.config.Labels ?? {}) as Record<string, string>;
    if (!labels[P]) continue;
    const p = project(labels[P]);
    const svc = labels['com.docker.compose.service'] ?? c.name;
    let s = p.services.find((x) => x.name === svc);
    if (!s) p.services.push((s = { name: svc, containers: [] }));
    s.containers.push({ name: c.name, state: c.state.Status });
  }
  for (const n of networks.networks.values()) if (n.labels?.[P]) project(n.labels[P]).networks.push(n.name);
  for (const v of volumes.list()) if (v.labels?.[P]) project(v.labels[P]).volumes.push(v.name);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
