/**
 * What each docker command completes, following docker/cli's contrib/completion/bash/docker
 * (`_docker_container_stop` → __docker_complete_containers_stoppable, and so on). Keys are the
 * management form (`container stop`); shortcuts (`docker stop`) map to it first.
 */
import type { CompletionReply, CompletionRequest } from '../../api/client';
import type { ArgScan } from './words';
import {
  bundledNetworkDrivers, containerNames, containerPaths, containersInNetwork, imageNames, networkNames, volumeNames,
  type CompletionSources, type ContainerSet,
} from './sources';

export type Reply = CompletionReply;
type ArgCompletion = { candidates: string[]; noSpace?: boolean };
export interface VerbCtx {
  req: CompletionRequest;
  src: CompletionSources;
  scan: ArgScan;
  /** Position of the word being completed among the positional arguments (0 = the first). */
  pos: number;
}
type VerbCompleter = (c: VerbCtx) => Promise<Reply>;

const containers = (set: ContainerSet, at?: number): VerbCompleter => async (c) =>
  at === undefined || c.pos === at ? containerNames(c.src, c.req.fs, c.req.env, set) : undefined;
const images = (want: Parameters<typeof imageNames>[3], at?: number): VerbCompleter => async (c) =>
  at === undefined || c.pos === at ? imageNames(c.src, c.req.fs, c.req.env, want) : undefined;
const networks = (filters?: Record<string, string[]>): VerbCompleter => async (c) => networkNames(c.src, c.req.fs, c.req.env, filters);
const volumes: VerbCompleter = async (c) => volumeNames(c.src, c.req.fs);

/** `_filedir -d`: directories only. */
export function dirsOnly(c: VerbCtx): string[] {
  return c.src.paths(c.req.fs, c.req.current).filter((p) => p.endsWith('/'));
}

/** Candidates that start with the word, with `nospace` when the one left ends in `:` or `/`. */
export function narrowed(candidates: string[], current: string): ArgCompletion {
  const hits = [...new Set(candidates.filter((c) => c.startsWith(current)))];
  return { candidates: hits, noSpace: hits.length === 1 && /[:/=]$/.test(hits[0]) };
}

/** `docker cp`: a host path or CONTAINER: first, then the other side. */
async function cp(c: VerbCtx): Promise<Reply> {
  const { req, src } = c;
  if (c.pos > 1) return [];
  if (req.current.includes(':') && !req.current.startsWith('/') && !req.current.startsWith('.')) {
    return { candidates: containerPaths(src, req.fs, req.current), noSpace: true };
  }
  const withColon = async () => (await containerNames(src, req.fs, req.env, 'all')).map((n) => n + ':');
  if (c.pos === 0) return narrowed([...src.paths(req.fs, req.current), ...(await withColon())], req.current);
  // The second word: a container when the first names an existing host path, else a host path.
  const first = c.scan.positionals[0];
  let hostFirst = false;
  try {
    hostFirst = req.fs.exists(first);
  } catch {
    hostFirst = false;
  }
  return hostFirst ? { ...narrowed(await withColon(), req.current), noSpace: true } : undefined;
}

/** `docker inspect` with no --type offers every kind of object. */
async function inspectAny(c: VerbCtx): Promise<Reply> {
  const { req, src } = c;
  return [
    ...(await containerNames(src, req.fs, req.env, 'all')),
    ...(await imageNames(src, req.fs, req.env, { forceTag: true, id: true })),
    ...(await networkNames(src, req.fs, req.env)),
    ...(await volumeNames(src, req.fs)),
  ];
}

const INSPECT_BY_TYPE: Record<string, VerbCompleter> = {
  container: containers('all'),
  image: images({ forceTag: true, id: true }),
  network: networks(),
  volume: volumes,
};

export const VERBS: Record<string, VerbCompleter> = {
  'container attach': containers('running', 0),
  'container commit': async (c) => (c.pos === 0 ? containers('all')(c) : c.pos === 1 ? images({ repo: true, tag: true })(c) : []),
  'container cp': cp,
  'container create': images({ repo: true, tag: true, id: true }, 0),
  'container run': images({ repo: true, tag: true, id: true }, 0),
  'container diff': containers('all', 0),
  'container exec': containers('running', 0),
  'container export': containers('all', 0),
  'container inspect': containers('all'),
  'container kill': containers('running'),
  'container logs': containers('all', 0),
  'container pause': containers('running'),
  'container port': containers('all', 0),
  'container rename': async (c) => (c.pos === 0 ? containers('all')(c) : []),
  'container restart': containers('all'),
  // Without --force only containers that can go (created or exited) are offered.
  'container rm': async (c) => containers(c.scan.seen.has('force') ? 'all' : 'removable')(c),
  'container start': containers('stopped'),
  'container stats': containers('running'),
  'container stop': containers('stoppable'),
  'container top': containers('running', 0),
  'container unpause': containers('unpauseable', 0),
  'container update': containers('all'),
  'container wait': containers('all'),
  'image build': async (c) => (c.pos === 0 ? dirsOnly(c) : []),
  'image history': images({ forceTag: true, id: true }, 0),
  'image inspect': images({ forceTag: true, id: true }),
  'image pull': async (c) => (c.pos === 0 ? images(c.scan.seen.has('all-tags') ? { repo: true } : { repo: true, tag: true })(c) : []),
  'image push': images({ repo: true, tag: true }, 0),
  'image rm': images({ forceTag: true, id: true }),
  'image save': images({ repo: true, tag: true, id: true }),
  'image tag': async (c) => (c.pos === 0 ? images({ forceTag: true, id: true })(c) : c.pos === 1 ? images({ repo: true, tag: true })(c) : []),
  inspect: async (c) => {
    const type = c.req.words[c.req.words.indexOf('--type') + 1];
    const fn = c.req.words.includes('--type') ? INSPECT_BY_TYPE[type] : inspectAny;
    return fn ? fn(c) : [];
  },
  'network connect': async (c) => (c.pos === 0 ? networks()(c) : c.pos === 1 ? containers('all')(c) : []),
  'network disconnect': async (c) => (c.pos === 0 ? networks()(c) : c.pos === 1 ? containersInNetwork(c.src, c.req.fs, c.scan.positionals[0]) : []),
  'network inspect': networks(),
  'network rm': networks({ type: ['custom'] }),
  'volume inspect': volumes,
  'volume rm': volumes,
};

const SIGNALS = ['SIGCONT', 'SIGHUP', 'SIGINT', 'SIGKILL', 'SIGQUIT', 'SIGSTOP', 'SIGTERM', 'SIGUSR1', 'SIGUSR2'];

/** A flag's value: `--network <Tab>`, `--volumes-from <Tab>`, `-s <Tab>` … (the script's `case "$prev"`). */
export async function flagValue(verb: string, flag: string, c: VerbCtx): Promise<Reply> {
  const { req, src } = c;
  const cur = req.current;
  const runLike = verb === 'container run' || verb === 'container create';
  switch (flag) {
    case 'network':
    case 'net':
      if (!runLike) return [];
      if (cur.startsWith('container:')) return (await containerNames(src, req.fs, req.env, 'all')).map((n) => 'container:' + n);
      return narrowed([...(await bundledNetworkDrivers(src, req.fs)), ...(await networkNames(src, req.fs, req.env)), 'container:'], cur);
    case 'volume':
      if (!runLike) return [];
      // Docker's script offers `/` and host paths; the simulator also offers named volumes
      // (`data:`), which the notes use far more often. After the `:` comes the container's path.
      if (cur.includes(':')) return [];
      if (cur.startsWith('/') || cur.startsWith('.') || cur.startsWith('~')) return { candidates: src.paths(req.fs, cur), noSpace: true };
      return narrowed(['/', ...(await volumeNames(src, req.fs)).map((v) => v + ':')], cur);
    case 'volumes-from':
      return containerNames(src, req.fs, req.env, 'all');
    case 'link':
      if (cur.includes(':')) return [];
      return { ...narrowed((await containerNames(src, req.fs, req.env, 'running')).map((n) => n + ':'), cur), noSpace: true };
    case 'pid':
    case 'ipc':
      if (cur.includes(':')) return (await containerNames(src, req.fs, req.env, 'running')).map((n) => cur.slice(0, cur.indexOf(':') + 1) + n);
      return narrowed(flag === 'pid' ? ['host', 'container:'] : ['none', 'host', 'private', 'shareable', 'container:'], cur);
    case 'restart':
      return cur.startsWith('on-failure:') ? [] : narrowed(['always', 'no', 'on-failure', 'on-failure:', 'unless-stopped'], cur);
    case 'signal':
    case 'stop-signal': {
      const up = cur.toUpperCase();
      return { candidates: [...SIGNALS, ...SIGNALS.map((s) => s.slice(3))].filter((s) => s.startsWith(up)).map((s) => cur + s.slice(up.length)) };
    }
    case 'attach':
      return ['stdin', 'stdout', 'stderr'];
    case 'pull':
      return ['always', 'missing', 'never'];
    case 'cgroupns':
      return ['host', 'private'];
    case 'env':
      return { candidates: Object.keys(req.env), noSpace: true };
    case 'detach-keys':
      return { candidates: [cur.endsWith(',') ? cur + 'ctrl-' : 'ctrl-'], noSpace: true };
    case 'type':
      return verb === 'inspect' ? ['container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'volume'] : [];
    case 'driver':
      if (verb === 'network create') return (await bundledNetworkDrivers(src, req.fs)).filter((d) => d !== 'host' && d !== 'null').concat('macvlan');
      return verb === 'volume create' ? ['local'] : [];
    case 'env-file':
    case 'cidfile':
    case 'label-file':
    case 'file':
    case 'output':
    case 'input':
    case 'iidfile':
      return undefined;
    default:
      return [];
  }
}
