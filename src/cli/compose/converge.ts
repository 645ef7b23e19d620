/**
 * Bringing the daemon's objects in line with the project (pkg/compose/create.go, convergence.go):
 * the project's networks and volumes, the images (pulled or built when missing), then per service
 * in dependency order: keep a container whose config hash is unchanged ("Running"), recreate one
 * whose hash changed ("Recreated"), create the missing ones ("Created"), remove the ones beyond
 * the wanted scale. Starting waits for `depends_on` conditions ("Waiting" → "Healthy").
 */
import { DaemonError } from '../../api/daemon';
import { daemonMessage } from '../commands/shared/common';
import { ComposeError, type ComposeCtx } from './context';
import { createBody } from './convert';
import { configHash, containerName, COMPOSE_VERSION, imageOf, L, projectContainers, type ProjectContainer } from './labels';
import type { Project, Service } from './normalize';
import type { Progress } from './progress';
import { buildServices } from './build';

/** Services in dependency order (leaves first, then by name), as InDependencyOrder visits them. */
export function dependencyOrder(p: Project, names: string[] = Object.keys(p.services)): string[] {
  const out: string[] = [];
  const visit = (n: string, seen: Set<string>) => {
    if (out.includes(n) || !p.services[n]) return;
    if (seen.has(n)) throw new ComposeError(`dependency cycle detected: ${[...seen, n].join(' -> ')}`);
    seen.add(n);
    for (const dep of Object.keys(p.services[n]!.depends_on ?? {}).sort()) visit(dep, seen);
    seen.delete(n);
    out.push(n);
  };
  for (const n of [...names].sort()) visit(n, new Set());
  return out;
}

/** The services a command acts on: the named ones and, unless --no-deps, what they depend on. */
export function withDependencies(p: Project, names: string[], noDeps = false): string[] {
  for (const n of names) {
    if (!p.services[n]) throw new ComposeError(p.disabled[n] ? `service "${n}" has profile not enabled` : `no such service: ${n}`);
  }
  if (!names.length) return dependencyOrder(p);
  if (noDeps) return dependencyOrder(p, names).filter((n) => names.includes(n));
  return dependencyOrder(p, names);
}

export async function ensureNetworks(c: ComposeCtx, p: Project, pw: Progress): Promise<void> {
  const used = new Set(Object.values(p.services).flatMap((s) => Object.keys(s.networks ?? {})));
  for (const [key, net] of Object.entries(p.networks)) {
    if (!used.has(key)) continue;
    const existing = (await c.d.networkList({ name: [net.name] })).find((n) => n.Name === net.name);
    if (net.external) {
      if (!existing) throw new ComposeError(`network ${net.name} declared as external, but could not be found`);
      continue;
    }
    if (existing) continue;
    const id = `Network ${net.name}`;
    await pw.resource(id, 'working', 'Creating');
    try {
      await c.d.networkCreate(net.name, { driver: typeof net.driver === 'string' ? net.driver : undefined, labels: { [L.network]: key, [L.project]: p.name, [L.version]: COMPOSE_VERSION } });
    } catch (e) {
      await pw.resource(id, 'error', 'Error');
      throw new ComposeError(`failed to create network ${net.name}: ${daemonMessage(e)}`);
    }
    await pw.resource(id, 'done', 'Created');
  }
}

export async function ensureVolumes(c: ComposeCtx, p: Project, pw: Progress): Promise<void> {
  for (const [key, vol] of Object.entries(p.volumes)) {
    const existing = (await c.d.volumeList({ name: [vol.name] })).some((v) => v.Name === vol.name);
    if (vol.external) {
      if (!existing) throw new ComposeError(`external volume "${vol.name}" not found`);
      continue;
    }
    if (existing) continue;
    const id = `Volume ${vol.name}`;
    await pw.resource(id, 'working', 'Creating');
    await c.d.volumeCreate({ name: vol.name, labels: { [L.project]: p.name, [L.version]: COMPOSE_VERSION, [L.volume]: key } });
    await pw.resource(id, 'done', 'Created');
  }
}

async function imageId(c: ComposeCtx, ref: string): Promise<string | undefined> {
  try {
    return String((await c.d.imageInspect(ref)).Id);
  } catch {
    return undefined;
  }
}

/** Pull one service's image with compose's events: `redis Pulling` → layers → `redis Pulled`. */
export async function pullService(c: ComposeCtx, name: string, image: string, pw: Progress, quiet = false): Promise<void> {
  await pw.event({ id: name, status: 'working', text: 'Pulling' });
  try {
    await c.d.imagePull(image, {
      onProgress: async (m) => {
        if (quiet || !m.id || m.status.startsWith('Pulling from')) return;
        const done = ['Download complete', 'Already exists', 'Pull complete'].includes(m.status);
        await pw.event({ id: m.id, parent: name, text: m.status, status: done ? 'done' : 'working', statusText: m.progress ?? '' });
      },
    });
  } catch (e) {
    const msg = e instanceof DaemonError ? e.message : (e as Error).message;
    await pw.event({ id: name, status: 'error', text: 'Error', statusText: msg });
    throw new ComposeError(`Error response from daemon: ${msg}`);
  }
  await pw.event({ id: name, status: 'done', text: 'Pulled' });
}

/** ensureImagesExists: pull what is missing and has no build, build what is missing (or --build). */
export async function ensureImages(c: ComposeCtx, p: Project, names: string[], pw: Progress, opts: { build?: boolean; noBuild?: boolean; quietPull?: boolean }): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const toBuild: string[] = [];
  // pullRequiredImages runs before the builds
  for (const n of [...names].sort()) {
    const s = p.services[n]!;
    const ref = imageOf(p.name, n, s);
    const have = await imageId(c, ref);
    if (s.build && (opts.build || !have) && !opts.noBuild) {
      toBuild.push(n);
      continue;
    }
    if (!have) {
      if (s.build) throw new ComposeError(`image ${ref} not found and build disabled`);
      await pullService(c, n, ref, pw, opts.quietPull);
    }
  }
  if (toBuild.length) await buildServices(c, p, toBuild, pw, {});
  for (const n of names) ids.set(n, (await imageId(c, imageOf(p.name, n, p.services[n]!))) ?? '');
  return ids;
}

export function wantedScale(s: Service, override?: number): number {
  if (override !== undefined) return override;
  return s.deploy?.replicas ?? s.scale ?? 1;
}

export interface ConvergeOptions {
  forceRecreate?: boolean;
  noRecreate?: boolean;
  scale?: Map<string, number>;
  imageIds: Map<string, string>;
}

async function createContainer(c: ComposeCtx, p: Project, name: string, number: number, imgId: string, pw: Progress): Promise<void> {
  const s = p.services[name]!;
  const cname = s.container_name ?? containerName(p.name, name, number);
  const id = `Container ${cname}`;
  await pw.resource(id, 'working', 'Creating');
  try {
    await c.d.containerCreate(createBody(p, name, s, { name: cname, number, imageId: imgId }));
  } catch (e) {
    await pw.resource(id, 'error', 'Error');
    throw new ComposeError(daemonMessage(e));
  }
  await pw.resource(id, 'done', 'Created');
}

export async function removeContainer(c: ComposeCtx, ctr: ProjectContainer, pw: Progress, volumes = false): Promise<void> {
  const id = `Container ${ctr.name}`;
  if (ctr.state === 'running' || ctr.state === 'paused' || ctr.state === 'restarting') {
    await pw.resource(id, 'working', 'Stopping');
    await c.d.containerStop(ctr.id, {});
    await pw.resource(id, 'done', 'Stopped');
  }
  await pw.resource(id, 'working', 'Removing');
  await c.d.containerRemove(ctr.id, { force: true, volumes });
  await pw.resource(id, 'done', 'Removed');
}

/** convergence.ensureService for each service, in dependency order. */
export async function converge(c: ComposeCtx, p: Project, names: string[], pw: Progress, o: ConvergeOptions): Promise<void> {
  const all = await projectContainers(c.d, p.name);
  for (const name of names) {
    const s = p.services[name]!;
    const want = wantedScale(s, o.scale?.get(name));
    if (s.container_name && want > 1) throw new ComposeError(`services.${name}: can't set container_name and ${name} as container name must be unique: invalid compose project`);
    const mine = all.filter((x) => x.service === name);
    const hash = configHash(s);
    for (const ctr of mine.slice(want).reverse()) await removeContainer(c, ctr, pw);
    for (const ctr of mine.slice(0, want)) {
      const changed = ctr.summary.Labels[L.hash] !== hash || ctr.summary.Labels[L.image] !== o.imageIds.get(name);
      if ((o.forceRecreate || changed) && !o.noRecreate) {
        const id = `Container ${ctr.name}`;
        await pw.resource(id, 'working', 'Recreate');
        if (ctr.state === 'running' || ctr.state === 'paused') await c.d.containerStop(ctr.id, {});
        // the old container keeps its anonymous volumes for the new one in compose; here they go with it
        await c.d.containerRemove(ctr.id, { force: true, volumes: false });
        await c.d.containerCreate(createBody(p, name, s, { name: ctr.name, number: ctr.number, imageId: o.imageIds.get(name) }));
        await pw.resource(id, 'done', 'Recreated');
      } else if (ctr.state === 'running') await pw.resource(`Container ${ctr.name}`, 'done', 'Running');
    }
    const used = new Set(mine.map((x) => x.number));
    let n = 1;
    for (let have = Math.min(mine.length, want); have < want; have++) {
      while (used.has(n)) n++;
      used.add(n);
      await createContainer(c, p, name, n, o.imageIds.get(name) ?? '', pw);
    }
  }
}

async function healthOf(c: ComposeCtx, id: string): Promise<{ running: boolean; exit: number; health?: string; status: string }> {
  const i = (await c.d.containerInspect(id)) as { State: { Running: boolean; ExitCode: number; Status: string; Health?: { Status: string } } };
  return { running: i.State.Running, exit: i.State.ExitCode, health: i.State.Health?.Status, status: i.State.Status };
}

/** waitDependencies: poll every 500 ms until each dependency meets its condition. */
async function waitDependencies(c: ComposeCtx, p: Project, name: string, pw: Progress): Promise<void> {
  const deps = Object.entries(p.services[name]!.depends_on ?? {}).filter(([, d]) => d.condition !== 'service_started');
  for (const [dep, cfg] of deps) {
    if (!p.services[dep]) continue;
    const waitingFor = (await projectContainers(c.d, p.name)).filter((x) => x.service === dep);
    for (const w of waitingFor) await pw.resource(`Container ${w.name}`, 'working', 'Waiting');
    if (!waitingFor.length) {
      if (cfg.required) throw new ComposeError(`${name} is missing dependency ${dep}`);
      continue;
    }
    for (;;) {
      await c.sleep(500);
      const states = await Promise.all(waitingFor.map((w) => healthOf(c, w.id)));
      if (cfg.condition === 'service_healthy') {
        const bad = states.findIndex((st) => !st.running || st.health === 'unhealthy' || st.health === undefined);
        if (bad >= 0) {
          const st = states[bad]!;
          const who = waitingFor[bad]!.name;
          const why = st.health === undefined && st.running ? `container ${who} has no healthcheck configured` : st.running ? `container ${who} is unhealthy` : `container ${who} exited (${st.exit})`;
          for (const w of waitingFor) await pw.resource(`Container ${w.name}`, 'error', 'Error');
          throw new ComposeError(`dependency failed to start: ${why}`);
        }
        if (states.every((st) => st.health === 'healthy')) {
          for (const w of waitingFor) await pw.resource(`Container ${w.name}`, 'done', 'Healthy');
          break;
        }
      } else {
        if (states.every((st) => !st.running && st.status !== 'created')) {
          const failed = states.find((st) => st.exit !== 0);
          if (failed) {
            const msg = `service "${dep}" didn't complete successfully: exit ${failed.exit}`;
            for (const w of waitingFor) await pw.resource(`Container ${w.name}`, 'error', msg);
            throw new ComposeError(msg);
          }
          for (const w of waitingFor) await pw.resource(`Container ${w.name}`, 'done', 'Exited');
          break;
        }
      }
    }
  }
}

/** start: per service in dependency order, wait for its dependencies, start its stopped containers. */
export async function startServices(c: ComposeCtx, p: Project, names: string[], pw: Progress): Promise<void> {
  for (const name of names) {
    const mine = (await projectContainers(c.d, p.name)).filter((x) => x.service === name);
    if (!mine.length) throw new ComposeError(`service "${name}" has no container to start`);
    await waitDependencies(c, p, name, pw);
    for (const ctr of mine) {
      if (ctr.state === 'running') continue;
      const id = `Container ${ctr.name}`;
      await pw.resource(id, 'working', 'Starting');
      try {
        await c.d.containerStart(ctr.id);
      } catch (e) {
        await pw.resource(id, 'error', 'Error');
        throw new ComposeError(daemonMessage(e));
      }
      await pw.resource(id, 'done', 'Started');
    }
  }
}
