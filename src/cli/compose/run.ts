/**
 * `docker compose run SERVICE [COMMAND…]` (pkg/compose/run.go): start the service's dependencies
 * (unless `--no-deps`), then a one-off container `<project>-<service>-run-<id>` (label
 * `oneoff=True`, no published ports unless `--service-ports`, no restart policy), attached to the
 * terminal; `--rm` removes it when it exits, `-d` leaves it running and prints its ID. The
 * command's exit status is compose's.
 */
import { sha256hex } from '../../lib/hash';
import { DaemonError } from '../../api/daemon';
import { bool, list, str } from './flags';
import { ComposeError, type VerbHandler } from './context';
import { converge, ensureImages, ensureNetworks, ensureVolumes, startServices, withDependencies } from './converge';
import { createBody } from './convert';
import { envFlags } from './exec';
import { shellSplit } from './syntax';

export const runVerb: VerbHandler = async (c, args, flags, changed) => {
  if (!args.length) throw new ComposeError('requires at least 1 arg(s), only received 0');
  const [service, ...command] = args as [string, ...string[]];
  const p = await c.load();
  if (!p.services[service]) throw new ComposeError(`no such service: ${service}`);
  const deps = bool(flags, 'no-deps') ? [] : withDependencies(p, [service]).filter((n) => n !== service);
  const created = c.progress('Creating');
  let imageIds: Map<string, string>;
  try {
    await ensureNetworks(c, p, created);
    await ensureVolumes(c, p, created);
    imageIds = await ensureImages(c, p, [...deps, service], created, { build: bool(flags, 'build'), quietPull: bool(flags, 'quiet-pull') });
    await converge(c, p, deps, created, { imageIds });
  } finally {
    await created.done();
  }
  if (deps.length) {
    const started = c.progress('Running');
    try {
      await startServices(c, p, deps, started);
    } finally {
      await started.done();
    }
  }
  const s = { ...p.services[service]!, restart: undefined };
  if (str(flags, 'entrypoint')) s.entrypoint = shellSplit(str(flags, 'entrypoint'));
  if (str(flags, 'user')) s.user = str(flags, 'user');
  if (str(flags, 'workdir')) s.working_dir = str(flags, 'workdir');
  if (!bool(flags, 'service-ports')) s.ports = [];
  // stringid.GenerateRandomID; derived from the moment and the project so a seeded machine repeats it
  const slug = sha256hex(`${p.name}/${service}/${c.io.now()}/${(await c.d.containerList({ all: true, limit: 0, size: false, filters: {} })).length}`);
  const name = str(flags, 'name') || s.container_name || `${p.name}-${service}-run-${slug.slice(0, 12)}`;
  const noTty = changed.has('no-TTY') ? bool(flags, 'no-TTY') : !c.io.stdoutIsTTY;
  const body = createBody(p, service, s, { name, number: 1, oneoff: true, imageId: imageIds.get(service), command: command.length ? command : undefined, env: envFlags(c, list(flags, 'env')), tty: !noTty, interactive: !bool(flags, 'detach') });
  body.hostConfig.AutoRemove = bool(flags, 'rm');
  (body.config.Labels as Record<string, string>)['com.docker.compose.slug'] = slug;
  let id: string;
  try {
    id = (await c.d.containerCreate(body)).Id;
  } catch (e) {
    throw new ComposeError(e instanceof DaemonError ? `Error response from daemon: ${e.message}` : (e as Error).message);
  }
  if (bool(flags, 'detach')) {
    await c.d.containerStart(id);
    await c.out(`${name}\n`);
    return 0;
  }
  const a = await c.d.containerAttach(id, {
    stdin: c.io.stdin,
    onOutput: (stream, data) => (stream === 'stderr' ? c.err(data) : c.out(data)),
  });
  try {
    await c.d.containerStart(id);
  } catch (e) {
    a.detach();
    throw new ComposeError(e instanceof DaemonError ? `Error response from daemon: ${e.message}` : (e as Error).message);
  }
  const r = await c.d.containerWait(id);
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await a.drain?.();
  a.detach();
  return r.StatusCode;
};
