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

/**
 * One progress block over the containers with compose's event lines for each: `working`
 * ("Stopping") while the action runs, then `done` ("Stopped"); pause and unpause print only the latter.
 */
function eachInBlock(c: ComposeCtx, title: string, containers: ProjectContainer[], lines: { working?: string; done: string }, action: (x: ProjectContainer) => Promise<unknown>): Promise<number> {
  return inBlock(c, title, async (pw) => {
    for (const x of containers) {
      if (lines.working) await pw.resource(`Container ${x.name}`, 'working', lines.working);
      await action(x);
      await pw.resource(`Container ${x.name}`, 'done', lines.done);
    }
  });
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
  return eachInBlock(c, 'Stopping', containers, { working: 'Stopping', done: 'Stopped' }, (x) => c.d.containerStop(x.id, timeout));
};

export const restartVerb: VerbHandler = async (c, args, flags, changed) => {
  const { containers } = await selected(c, args);
  const timeout = changed.has('timeout') ? { timeout: num(flags, 'timeout') } : {};
  return eachInBlock(c, 'Restarting', containers, { working: 'Restarting', done: 'Started' }, (x) => c.d.containerRestart(x.id, timeout));
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
  return eachInBlock(c, 'Pausing', containers, { done: 'Paused' }, (x) => c.d.containerPause(x.id));
};

export const unpauseVerb: VerbHandler = async (c, args) => {
  const { containers } = await selected(c, args, { all: false });
  // Every listed container, paused or not, as compose does: a running one fails "is not paused".
  return eachInBlock(c, 'Running', containers, { done: 'Unpaused' }, (x) => c.d.containerUnpause(x.id));
};

export const rmVerb: VerbHandler = async (c, args, flags) => {
  const { containers } = await selected(c, args);
  if (bool(flags, 'stop')) {
    const running = containers.filter((y) => y.state === 'running');
    await eachInBlock(c, 'Stopping', running, { working: 'Stopping', done: 'Stopped' }, (x) => c.d.containerStop(x.id, {}));
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
  else if (!(await confirm({ io: c.io } as unknown as RunContext, `? ${msg} (y/N) `, true, true))) return 0;
  return eachInBlock(c, 'Removing', stopped, { working: 'Removing', done: 'Removed' }, (x) => c.d.containerRemove(x.id, { force: true, volumes: bool(flags, 'volumes') }));
};
