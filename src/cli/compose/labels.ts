/**
 * How Compose finds its own objects again: it keeps no state file. Every container, network and
 * volume it makes carries `com.docker.compose.*` labels (pkg/api/labels.go), and each command
 * asks the daemon for the objects labelled with the project's name. The container's name
 * `<project>-<service>-<n>` and the config hash (a digest of the service's configuration, which
 * decides between "Running" and "Recreated") are stored the same way.
 */
import { sha256hex } from '../../lib/hash';
import type { ContainerSummary, DaemonApi } from '../../api/daemon';
import type { Service } from './normalize';

export const COMPOSE_VERSION = '2.40.3';

export const L = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  hash: 'com.docker.compose.config-hash',
  version: 'com.docker.compose.version',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  dependsOn: 'com.docker.compose.depends_on',
  image: 'com.docker.compose.image',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
  replace: 'com.docker.compose.replace',
} as const;

/** api.Separator: `-` between project, service and number. */
export function containerName(project: string, service: string, n: number): string {
  return `${project}-${service}-${n}`;
}

/** The image a service without `image:` builds to: `<project>-<service>`. */
export function defaultImageName(project: string, service: string): string {
  return `${project}-${service}`;
}

export function imageOf(project: string, name: string, s: Service): string {
  return s.image ?? defaultImageName(project, name);
}

/** ServiceHash: the service's configuration without what may change without a recreate. */
export function configHash(s: Service): string {
  // pkg/compose/hash.go: build, pull_policy, scale, replicas, depends_on and profiles do not count
  const copy: Record<string, unknown> = { ...s };
  delete copy.build;
  delete copy.pull_policy;
  delete copy.profiles;
  delete copy.scale;
  if (copy.deploy) {
    const d = { ...(copy.deploy as Record<string, unknown>) };
    delete d.replicas;
    copy.deploy = d;
  }
  delete copy.depends_on;
  return sha256hex(JSON.stringify(copy));
}

export interface ProjectContainer {
  id: string;
  name: string;
  service: string;
  number: number;
  oneoff: boolean;
  state: string;
  summary: ContainerSummary;
}

function toProjectContainer(c: ContainerSummary): ProjectContainer {
  return {
    id: c.Id,
    name: (c.Names[0] ?? '').replace(/^\//, ''),
    service: c.Labels[L.service] ?? '',
    number: Number(c.Labels[L.number] ?? 0),
    oneoff: c.Labels[L.oneoff] === 'True',
    state: c.State,
    summary: c,
  };
}

/** The project's containers, as compose lists them (by label), oldest number first. */
export async function projectContainers(d: DaemonApi, project: string, opts: { all?: boolean; oneoff?: boolean | 'any' } = {}): Promise<ProjectContainer[]> {
  const label = [`${L.project}=${project}`];
  if (opts.oneoff !== 'any') label.push(`${L.oneoff}=${opts.oneoff ? 'True' : 'False'}`);
  const list = await d.containerList({ all: opts.all ?? true, limit: 0, size: false, filters: { label } });
  return list.map(toProjectContainer).sort((a, b) => (a.service === b.service ? a.number - b.number : a.service < b.service ? -1 : 1));
}

/** Every project that has containers, for `docker compose ls`. */
export async function allProjects(d: DaemonApi): Promise<Map<string, ProjectContainer[]>> {
  const list = await d.containerList({ all: true, limit: 0, size: false, filters: { label: [L.project] } });
  const out = new Map<string, ProjectContainer[]>();
  for (const c of list) {
    const p = c.Labels[L.project]!;
    if (!out.has(p)) out.set(p, []);
    out.get(p)!.push(toProjectContainer(c));
  }
  return out;
}
