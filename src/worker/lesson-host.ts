/**
 * The open lesson, in the worker: its progress follows the machine's `command.finished` events,
 * goals are evaluated through the machine's query API, and the facts of a step are computed the
 * moment it is done. Opening a lesson at step N replays the lesson's start and the solutions of
 * the steps before N on a fresh machine whose clock then turns real (see ReplayClock).
 */
import type { Machine } from '../engine/machine';
import type { ReplayClock } from '../engine/clock';
import { startLesson } from '../lessons/replay';
import { LessonProgress } from '../lessons/progress';
import { explainStep } from '../lessons/explain';
import type { Lang, Lesson } from '../lessons/types';
import type { LessonStatus } from './protocol';

export class LessonHost {
  private progress?: LessonProgress;
  private off?: () => void;
  /** Facts computed when each step was done, by language. */
  private facts = new Map<number, Record<Lang, string[]>>();

  constructor(private readonly lessons: () => Promise<Lesson[]>) {}

  lesson(): Lesson | undefined {
    return this.progress?.lesson;
  }

  /** A fresh machine at the start of step `step` of lesson `id` (its clock already real). */
  async prepare(id: string, step: number): Promise<{ machine: Machine; lesson: Lesson; facts: Map<number, Record<Lang, string[]>> }> {
    const lesson = (await this.lessons()).find((l) => l.id === id);
    if (!lesson) throw new Error(`no lesson ${id}`);
    const s = Math.max(0, Math.min(step, lesson.steps.length - 1));
    // The steps replayed get their facts too, computed as each one ends.
    const facts = new Map<number, Record<Lang, string[]>>();
    const afterStep = async (i: number, m: Machine) => {
      const items = lesson.steps[i]!.explain ?? [];
      facts.set(i, { zh: await explainStep(items, m.query(), 'zh'), en: await explainStep(items, m.query(), 'en') });
    };
    const run = await startLesson(lesson, { step: s, clock: 'replay', afterStep });
    run.dispose();
    run.h.close();
    (run.machine.clock as ReplayClock).goReal();
    return { machine: run.machine, lesson, facts };
  }

  /**
   * The same start on a clock left virtual, with the runner that typed it: a share link made
   * inside a lesson replays its log from here (src/worker/share.ts).
   */
  async replayAt(id: string, step: number): Promise<{ machine: Machine; h: import('../tools/headless').Headless }> {
    const lesson = (await this.lessons()).find((l) => l.id === id);
    if (!lesson) throw new Error(`no lesson ${id}`);
    const run = await startLesson(lesson, { step: Math.max(0, Math.min(step, lesson.steps.length - 1)), clock: 'virtual' });
    run.dispose();
    return { machine: run.machine, h: run.h };
  }

  /** Follow `lesson` on `machine` from step `step`. */
  attach(machine: Machine, lesson: Lesson, step: number, facts = new Map<number, Record<Lang, string[]>>()): void {
    this.detach();
    this.facts = facts;
    this.progress = new LessonProgress(lesson, machine.query(), step);
    const progress = this.progress;
    this.off = machine.events.on((e) => {
      if (e.type === 'command.finished') progress.record(e.record);
    });
    this.machine = machine;
  }
  private machine?: Machine;

  /** The machine was swapped (undo, redo, a restored session): go on checking the open lesson there. */
  follow(machine: Machine): void {
    const p = this.progress;
    if (!p || machine === this.machine) return;
    this.off?.();
    const moved = new LessonProgress(p.lesson, machine.query(), p.current);
    this.progress = moved;
    this.off = machine.events.on((e) => {
      if (e.type === 'command.finished') moved.record(e.record);
    });
    this.machine = machine;
  }

  detach(): void {
    this.off?.();
    this.off = undefined;
    this.progress = undefined;
    this.machine = undefined;
  }

  /** Check the steps in order (marking what became done), then report. */
  async status(lang: Lang): Promise<LessonStatus | undefined> {
    const p = this.progress;
    const m = this.machine;
    if (!p || !m) return undefined;
    for (const i of await p.advance()) {
      const items = p.lesson.steps[i]!.explain ?? [];
      this.facts.set(i, { zh: await explainStep(items, m.query(), 'zh'), en: await explainStep(items, m.query(), 'en') });
    }
    return {
      id: p.lesson.id,
      current: p.current,
      done: [...p.done],
      finished: p.finished,
      conditions: p.finished ? [] : await p.conditions(p.current, lang),
      facts: Object.fromEntries([...this.facts].map(([k, v]) => [k, v[lang]])),
    };
  }
}
