/**
 * `docker compose down` (pkg/compose/down.go): stop and remove the project's containers in reverse
 * dependency order, then its networks; with `-v` its named volumes (and the containers' anonymous
 * ones), with `--rmi local|all` its images, with `--remove-orphans` containers of services no
 * longer in the file. All found by label: nothing is remembered outside the daemon.
 */
import { DaemonError } from '../../api/daemon';
import { bool, num, str } from './flags';
import { ComposeError, type ComposeCtx, type VerbHandler } from './context';
import { dependencyOrder } from './converge';
import { defaultImageName, L, projectContainers, type ProjectContainer } from './labels';
import type { Project } from './normalize';
import type { Progress } from './progress';

/** stopAndRemoveContainer: compose asks the daemon to stop even a stopped container. */
async function stopAndRemove(c: ComposeCtx, ctr: ProjectContainer, pw: Progress, volumes: boolean, timeout?: number): Promise<void> {
  const id = `Container ${ctr.name}`;
  await pw.resource(id, 'working', 'Stopping');
  try {
    await c.d.containerStop(ctr.id, timeout !== undefined ? { timeout } : {});
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
  }
  await pw.resource(id, 'done', 'Stopped');
  await pw.resource(id, 'working', 'Removing');
  await c.d.containerRemove(ctr.id, { force: true, volumes });
  await pw.resource(id, 'done', 'Removed');
}

/** What is known of a project from its containers' labels alone (getProjectWithResources). */
async function projectFromLabels(c: ComposeCtx, name: string, containers: ProjectContainer[]): Promise<Project> {
  const nets = (await c.d.networkList({ label: [`${L.project}=${name}`] })) as { Name: string; Labels?: Record<string, string> }[];
  const vols = (await c.d.volumeList({ label: [`${L.project}=${name}`] })) as { Name: string; Labels?: Record<string, string> }[];
  const services: Project['services'] = {};
  for (const ctr of containers) services[ctr.service] ??= { image: ctr.summary.Image };
  return {
    name, workingDir: '', configFiles: [], services, disabled: {},
    networks: Object.fromEntries(nets.map((n) => [n.Labels?.[L.network] ?? n.Name, { name: n.Name }])),
    volumes: Object.fromEntries(vols.map((v) => [v.Labels?.[L.volume] ?? v.Name, { name: v.Name }])),
  };
}

export const downVerb: VerbHandler = async (c, args, flags, changed) => {
  const rmi = str(flags, 'rmi');
  if (rmi && rmi !== 'local' && rmi !== 'all') throw new ComposeError(`invalid value for --rmi: ${rmi}`);
  const { name, project: loaded } = await c.projectName();
  const removeOrphans = bool(flags, 'remove-orphans');
  const containers = await projectContainers(c.d, name, { oneoff: removeOrphans ? 'any' : false });
  const project = loaded ?? (await projectFromLabels(c, name, containers));
  for (const a of args) if (loaded && !project.services[a]) throw new ComposeError(`no such service: ${a}`);
  const timeout = changed.has('timeout') ? num(flags, 'timeout') : undefined;
  const volumes = bool(flags, 'volumes');
  const pw = c.progress('Running');
  let removed = containers.length > 0;
  try {
    const order = dependencyOrder(project).reverse();
    for (const svc of order) {
      if (args.length && !args.includes(svc)) continue;
      for (const ctr of containers.filter((x) => x.service === svc)) await stopAndRemove(c, ctr, pw, volumes, timeout);
    }
    const orphans = containers.filter((x) => !project.services[x.service] && !project.disabled[x.service]);
    if (removeOrphans) for (const o of orphans) await stopAndRemove(c, o, pw, false, timeout);
    if (args.length) return 0;
    for (const net of Object.values(project.networks)) {
      if (net.external) continue;
      const found = (await c.d.networkList({ name: [net.name], label: [`${L.project}=${name}`] })).filter((n) => n.Name === net.name);
      if (!found.length) continue;
      removed = true;
      const id = `Network ${net.name}`;
      await pw.resource(id, 'working', 'Removing');
      try {
        await c.d.networkRemove(net.name);
        await pw.resource(id, 'done', 'Removed');
      } catch {
        await pw.resource(id, 'warning', 'Resource is still in use');
      }
    }
    if (rmi) {
      for (const [svc, s] of Object.entries(project.services)) {
        const image = s.image ?? defaultImageName(name, svc);
        if (rmi === 'local' && s.image) continue;
        removed = true;
        const id = `Image ${image}`;
        await pw.resource(id, 'working', 'Removing');
        try {
          await c.d.imageRemove(image, { force: false, noPrune: false });
          await pw.resource(id, 'done', 'Removed');
        } catch (e) {
          await pw.resource(id, e instanceof DaemonError && e.statusCode === 404 ? 'done' : 'warning', e instanceof DaemonError && e.statusCode === 404 ? 'Warning: No resource found to remove' : 'Resource is still in use');
        }
      }
    }
    if (volumes) {
      for (const vol of Object.values(project.volumes)) {
        if (vol.external) continue;
        const exists = await c.d.volumeInspect(vol.name).then(() => true, () => false);
        if (!exists) continue;
        removed = true;
        const id = `Volume ${vol.name}`;
        await pw.resource(id, 'working', 'Removing');
        try {
          await c.d.volumeRemove(vol.name, true);
          await pw.resource(id, 'done', 'Removed');
        } catch {
          await pw.resource(id, 'warning', 'Resource is still in use');
        }
      }
    }
  } finally {
    await pw.done();
  }
  if (!removed) await c.warn(`Warning: No resource found to remove for project "${name}".`);
  return 0;
};
