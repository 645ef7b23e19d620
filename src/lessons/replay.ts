/**
 * A lesson's machine at any step: a fresh machine on virtual time (seeded), the lesson's setup,
 * then the reference solutions of the steps before it, typed as the headless runner types. The
 * lesson checker, `lessons try`, the page's "restart lesson" and "jump to step" all start here.
 */
import { Machine } from '../engine/machine';
import { Headless } from '../tools/headless';
import { LessonProgress } from './progress';
import type { Lesson, Setup } from './types';
import { dockerClient } from '../cli/client';

export interface LessonRun {
  machine: Machine;
  h: Headless;
  progress: LessonProgress;
  /** Stop listening to the machine. */
  dispose(): void;
}

async function applySetup(m: Machine, setup: Setup): Promise<void> {
  for (const [path, text] of Object.entries(setup.files ?? {})) {
    const p = path.startsWith('~/') ? path.slice(2) : path;
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    if (dir) await m.run(['mkdir', '-p', dir]);
    const r = m.writeFile(p, text);
    if (r.error) throw new Error(`setup: ${path}: ${r.error}`);
  }
  for (const ref of setup.images ?? []) {
    const r = await m.run(['docker', 'pull', '-q', ref]);
    if (r.status !== 0) throw new Error(`setup: docker pull ${ref}: ${r.stderr.trim()}`);
  }
  for (const cmd of setup.commands ?? []) {
    const r = await m.run(['bash', '-c', cmd]);
    if (r.status !== 0) throw new Error(`setup: ${cmd}: exit ${r.status}: ${r.stderr.trim()}`);
  }
}

/** Boot the lesson's start state and replay the solutions of steps [0, step); the run is at `step`. */
export async function startLesson(
  lesson: Lesson,
  opts: { seed?: number; step?: number; clock?: 'virtual' | 'replay'; afterStep?: (i: number, m: Machine) => Promise<void> } = {},
): Promise<LessonRun> {
  const machine = await Machine.boot({ client: dockerClient, seed: opts.seed ?? 1, clock: opts.clock ?? 'virtual' });
  await applySetup(machine, lesson.setup);
  const h = await Headless.over(machine);
  const progress = new LessonProgress(lesson, machine.query());
  const off = machine.events.on((e) => {
    if (e.type === 'command.finished') progress.record(e.record);
  });
  const step = opts.step ?? 0;
  for (let i = 0; i < step && i < lesson.steps.length; i++) {
    progress.goTo(i);
    for (const line of lesson.steps[i]!.solution) await h.type(line);
    await opts.afterStep?.(i, machine);
  }
  progress.goTo(step);
  h.take();
  return { machine, h, progress, dispose: off };
}
