/**
 * A saved machine is untrusted input once autosave, share links and imported files load it: a
 * truncated write, an old version, a hand-edited link. Checking it whole before anything is built
 * from it means a bad one is refused with one clear message (SnapshotError) instead of a JavaScript
 * error half-way through boot, or a machine that shows `undefined` and `NaN` later. What can be
 * repaired is: a container whose image is gone is dropped (Docker could not start it either).
 */

/** Why a saved machine cannot be loaded, in words for the learner. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

type Check = (v: unknown, at: string) => void;

function fail(at: string, what: string): never {
  throw new SnapshotError(`This saved machine is damaged and cannot be loaded (${at}: ${what}).`);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str: Check = (v, at) => {
  if (typeof v !== 'string') fail(at, 'expected text');
};
export const num: Check = (v, at) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(at, 'expected a number');
};
export const int: Check = (v, at) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(at, 'expected a whole number');
};
export const bool: Check = (v, at) => {
  if (typeof v !== 'boolean') fail(at, 'expected true or false');
};
export const any: Check = () => {};
export const oneOf = (...values: unknown[]): Check => (v, at) => {
  if (!values.includes(v)) fail(at, `expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
};
export const opt = (c: Check): Check => (v, at) => {
  if (v !== undefined) c(v, at);
};
export const nullable = (c: Check): Check => (v, at) => {
  if (v !== null) c(v, at);
};
export const arr = (c: Check): Check => (v, at) => {
  if (!Array.isArray(v)) fail(at, 'expected a list');
  v.forEach((x, i) => c(x, `${at}[${i}]`));
};
export const tuple = (...cs: Check[]): Check => (v, at) => {
  if (!Array.isArray(v) || v.length !== cs.length) fail(at, `expected a list of ${cs.length}`);
  cs.forEach((c, i) => c(v[i], `${at}[${i}]`));
};
export const rec = (c: Check): Check => (v, at) => {
  if (!isObj(v)) fail(at, 'expected an object');
  for (const [k, x] of Object.entries(v)) c(x, `${at}.${k}`);
};
/** An object with these fields (others are allowed: a newer minor writer may add some). */
export const obj = (fields: Record<string, Check>): Check => (v, at) => {
  if (!isObj(v)) fail(at, 'expected an object');
  for (const [k, c] of Object.entries(fields)) c(v[k], `${at}.${k}`);
};

const meta = { mode: opt(int), uid: opt(int), gid: opt(int), mtime: opt(num), atime: opt(num), ctime: opt(num), size: opt(num) };
/** A layer entry, in either snapshot form (fs/snapshot's b64, image/snapshot's data/data64). */
const entry: Check = (v, at) => {
  if (!isObj(v)) fail(at, 'expected an object');
  str(v.path, `${at}.path`);
  switch (v.kind) {
    case 'dir': return obj(meta)(v, at);
    case 'file':
      obj(meta)(v, at);
      if (v.b64 === undefined && v.data === undefined && v.data64 === undefined) fail(at, 'a file without content');
      for (const k of ['b64', 'data', 'data64']) opt(str)(v[k], `${at}.${k}`);
      // A repeated tail (fs/repeat.ts): one chunk and a count.
      return opt(obj({ b64: opt(str), zeros: opt(int), count: int, part: opt(int) }))(v.repeat, `${at}.repeat`);
    case 'symlink': obj(meta)(v, at); return str(v.target, `${at}.target`);
    case 'hardlink': return str(v.target, `${at}.target`);
    case 'whiteout': case 'opaque': return;
    default: fail(at, 'unknown kind of file');
  }
};
const layer = obj({ v: oneOf(1), entries: arr(entry) });

const strings = arr(str);
const containerConfig = obj({
  Hostname: str, Domainname: str, User: str, AttachStdin: bool, AttachStdout: bool, AttachStderr: bool,
  ExposedPorts: opt(rec(any)), Tty: bool, OpenStdin: bool, StdinOnce: bool, Env: strings, Cmd: nullable(strings),
  Image: str, Volumes: nullable(rec(any)), WorkingDir: str, Entrypoint: nullable(strings), OnBuild: nullable(strings),
  Labels: nullable(rec(str)), StopSignal: opt(str), StopTimeout: opt(int), Healthcheck: opt(obj({ Test: opt(strings) })), Shell: opt(strings),
});
const imageConfig = obj({
  architecture: str, os: str, variant: opt(str), config: obj({ Env: opt(strings), Cmd: opt(nullable(strings)), Entrypoint: opt(nullable(strings)), Labels: opt(nullable(rec(str))) }),
  created: opt(str), author: opt(str), rootfs: obj({ type: oneOf('layers'), diff_ids: strings }),
  history: arr(obj({ created: opt(str), created_by: opt(str), author: opt(str), comment: opt(str), empty_layer: opt(bool) })),
});
const registry = obj({ host: str, repos: arr(obj({ path: str, tag: str, config: imageConfig })), layers: opt(rec(arr(entry))) });
const container = obj({
  id: str, name: str, created: num, imageId: str, imageRef: str, path: str, args: strings,
  config: containerConfig,
  hostConfig: obj({ Binds: nullable(strings), NetworkMode: str, PortBindings: nullable(rec(nullable(arr(obj({ HostIp: str, HostPort: str }))))), RestartPolicy: obj({ Name: oneOf('', 'no', 'always', 'on-failure', 'unless-stopped'), MaximumRetryCount: int }), AutoRemove: bool, PidMode: str, ReadonlyRootfs: bool, Memory: num, MemorySwap: opt(num), NanoCpus: num }),
  state: obj({ Status: oneOf('created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'), Running: bool, Paused: bool, Restarting: bool, OOMKilled: bool, Dead: bool, Pid: int, ExitCode: int, Error: str, StartedAt: num, FinishedAt: num }),
  restartCount: int,
  logs: arr(obj({ stream: oneOf('stdout', 'stderr'), time: num, data: str })),
  upper: layer,
  mounts: opt(arr(obj({ Type: oneOf('volume', 'bind', 'tmpfs'), Name: opt(str), Source: str, Destination: str, Driver: opt(str), Mode: str, RW: bool, Propagation: str }))),
});

export const machineSnapshot = obj({
  format: oneOf('docker-lab-machine'),
  version: oneOf(1),
  now: num,
  rng: tuple(int, int, int, int),
  host: layer,
  daemon: obj({
    images: obj({ version: oneOf(1), images: arr(obj({ config: imageConfig, parent: opt(str), cacheOnly: opt(oneOf(true)) })), refs: arr(tuple(str, str)), layers: rec(arr(entry)) }),
    pulled: strings,
    hub: registry,
    registries: opt(arr((v, at) => {
      registry(v, at);
      str((v as Record<string, unknown>).key, `${at}.key`);
    })),
    containers: arr(container),
    volumes: opt(arr(obj({ name: str, driver: str, labels: nullable(rec(str)), options: nullable(rec(str)), createdAt: num }))),
    networks: opt(arr(obj({ id: str, name: str, subnet: str, gateway: str, created: num, labels: rec(str) }))),
    buildCache: opt(obj({ records: arr(tuple(str, obj({ id: str, imageId: str, size: num, created: num, lastUsed: num, usage: num, files: arr(obj({ path: str, kind: oneOf('A', 'C', 'D') })) }))), lastDetail: arr(tuple(str, str)) })),
  }),
});

export const fieldChecks = { fail, isObj };
