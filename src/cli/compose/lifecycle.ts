/**
 * The verbs that act on the project's existing containers (pkg/compose/start.go, stop.go,
 * restart.go, kill.go, pause.go, remove.go), each inside its progress block: `start` (title
 * "Running", waits for depends_on), `stop` ("Stopping", reverse dependency order), `restart`
 * ("Restarting"), `kill` ("Killing"), `pause` ("Pausing"), `unpause` ("Running"), `rm`
 * ("Removing", after "Going to remove …" and a confirmation unless `-f`).
 */
import { confirm } from '../commands/shared/common';
import type { RunContext } from '../framework/types';
import { bool, num, str } from './flags';
import { ComposeError, type ComposeCtx, type VerbHandler } from './context';
import { dependencyOrder, startServices } from './converge';
import { projectContainers, type ProjectContainer } from './labels';
import type { Project } from './normalize';
import type { Progress } from './progress';

/** The project's containers of the named services (all when none named), in dependency order. */
async function selected(c: ComposeCtx, args: string[], opts: { all?: boolean; reverse?: boolean } = {}): Promise<{ name: string; project?: Project; containers: ProjectContainer[] }> {
  const { name, project } = await c.projectName();
  if (project) for (const a of args) if (!project.services[a]) throw new ComposeError(`no such service: ${a}`);
  let containers = await projectContainers(c.d, name, { all: opts.all ?? true, oneoff: false });
  if (args.length) containers = containers.filter((x) => args.includes(x.service));
  if (project) {
    const order = dependencyOrder(project);
    if (opts.reverse) order.reverse();
    containers.sort((a, b) => order.indexOf(a.service) - order.indexOf(b.service) || a.number - b.number);
  }
  return { name, project, containers };
}

async function inBlock(c: ComposeCtx, title: string, fn: (pw: Progress) => Promise<void>): Promise<number> {
  const pw = c.progress(title);
  try {
    await fn(pw);
  } finally {
    await pw.done();
  }
  return 0;
}

export const startVerb: VerbHandler = async (c, args) => {
  const p = await c.load();
  for (const a of args) if (!p.services[a]) throw new ComposeError(`no such service: ${a}`);
  const names = dependencyOrder(p, args.length ? args : Object.keys(p.services));
  const have = await projectContainers(c.d, p.name);
  return inBlock(c, 'Running', (pw) => startServices(c, p, names.filter((n) => have.some((x) => x.service === n) || args.includes(n)), pw));
};

export const stopVerb: VerbHandler = async (c, args, flags, changed) => {
  const { containers } = await selected(c, args, { reverse: true });
  const timeout = changed.has('timeout') ? { timeout: num(flags, 'timeout') } : {};
  return inBlock(c, 'Stopping', async (pw) => {
    for (const x of containers) {
      await pw.resource(`Container ${x.name}`, 'working', 'Stopping');
      await c.d.containerStop(x.id, timeout);
      await pw.resource(`Container ${x.name}`, 'done', 'Stopped');
    }
  });
};

export const restartVerb: VerbHandler = async (c, args, flags, changed) => {
  const { containers } = await selected(c, args);
  const timeout = changed.has('timeout') ? { timeout: num(flags, 'timeout') } : {};
  return inBlock(c, 'Restarting', async (pw) => {
    for (const x of containers) {
      await pw.resource(`Container ${x.name}`, 'working', 'Restarting');
      await c.d.containerRestart(x.id, timeout);
      await pw.resource(`Container ${x.name}`, 'done', 'Started');
    }
  });
};

export const killVerb: VerbHandler = async (c, args, flags) => {
  const { containers } = await selected(c, args, { all: false });
  if (!containers.length) {
    await c.err('no container to kill');
    return 0;
  }
  const signal = str(flags, 'signal') || 'SIGKILL';
  return inBlock(c, 'Killing', async (pw) => {
    for (const x of containers) {
      await pw.resource(`Container ${x.name}`, 'working', 'Killing');
      try {
        await c.d.containerKill(x.id, signal);
      } catch {
        await pw.resource(`Container ${x.name}`, 'error', 'Error while Killing');
        continue;
      }
      await pw.resource(`Container ${x.name}`, 'done', 'Killed');
    }
  });
};

export const pauseVerb: VerbHandler = async (c, args) => {
  const { containers } = await selected(c, args, { all: false });
  return inBlock(c, 'Pausing', async (pw) => {
    for (const x of containers) {
      await c.d.containerPause(x.id);
      await pw.resource(`Container ${x.name}`, 'done', 'Paused');
    }
  });
};

export const unpauseVerb: VerbHandler = async (c, args) => {
  const { containers } = await selected(c, args, { all: false });
  return inBlock(c, 'Running', async (pw) => {
    for (const x of containers.filter((y) => y.state === 'paused')) {
      await c.d.containerUnpause(x.id);
      await pw.resource(`Container ${x.name}`, 'done', 'Unpaused');
    }
  });
};

export const rmVerb: VerbHandler = async (c, args, flags) => {
  const { containers } = await selected(c, args);
  if (bool(flags, 'stop')) {
    await inBlock(c, 'Stopping', async (pw) => {
      for (const x of containers.filter((y) => y.state === 'running')) {
        await pw.resource(`Container ${x.name}`, 'working', 'Stopping');
        await c.d.containerStop(x.id, {});
        await pw.resource(`Container ${x.name}`, 'done', 'Stopped');
      }
    });
  }
  const stopped: ProjectContainer[] = [];
  for (const x of containers) {
    const i = (await c.d.containerInspect(x.id).catch(() => undefined)) as { State: { Running: boolean } } | undefined;
    if (i && !i.State.Running) stopped.push(x);
  }
  if (!stopped.length) {
    await c.err('No stopped containers\n');
    return 0;
  }
  const msg = `Going to remove ${stopped.map((x) => x.name).join(', ')}`;
  if (bool(flags, 'force')) await c.out(msg + '\n');
  else if (!(await confirm({ io: c.io } as unknown as RunContext, `? ${msg} (y/N) `))) return 0;
  return inBlock(c, 'Removing', async (pw) => {
    for (const x of stopped) {
      await pw.resource(`Container ${x.name}`, 'working', 'Removing');
      await c.d.containerRemove(x.id, { force: true, volumes: bool(flags, 'volumes') });
      await pw.resource(`Container ${x.name}`, 'done', 'Removed');
    }
  });
};
