/**
 * A lesson in progress: which step is current, what was run during it, and whether its goal holds.
 * Steps are checked in order after every command; when one's goal holds it is done and the next
 * begins with an empty command log (a command typed for step 1 does not count for step 3).
 */
import type { CommandFact, MachineQuery } from '../api/machine-query';
import { evaluate } from './conditions';
import { describeCondition } from './describe';
import { emptyLog, type CommandLog } from './typed';
import type { Lang, Lesson } from './types';

export interface ConditionStatus {
  met: boolean;
  text: string;
}

export class LessonProgress {
  /** Index of the current step (steps.length when all are done). */
  current = 0;
  log: CommandLog = emptyLog();
  readonly done: number[] = [];

  constructor(readonly lesson: Lesson, private readonly q: MachineQuery, startAt = 0) {
    this.current = startAt;
    for (let i = 0; i < startAt; i++) this.done.push(i);
  }

  /** Feed one finished host command (from the machine's `command.finished` events). */
  record(r: CommandFact): void {
    if (r.kind === 'line') this.log.lines.push({ text: r.text, status: r.status });
    else this.log.docker.push({ argv: r.argv, status: r.status });
  }

  get finished(): boolean {
    return this.current >= this.lesson.steps.length;
  }

  /** Is step `i`'s goal true now (against the current command log)? */
  async goalMet(i: number): Promise<boolean> {
    for (const c of this.lesson.steps[i]!.goal) if (!(await evaluate(c, this.q, this.log))) return false;
    return true;
  }

  async conditions(i: number, lang: Lang): Promise<ConditionStatus[]> {
    const out: ConditionStatus[] = [];
    for (const c of this.lesson.steps[i]!.goal) {
      const met = await evaluate(c, this.q, this.log);
      out.push({ met, text: describeCondition(c, met, lang) });
    }
    return out;
  }

  /** Check the current step (and the ones after it, in order); returns the steps that became done. */
  async advance(): Promise<number[]> {
    const newly: number[] = [];
    while (!this.finished && (await this.goalMet(this.current))) {
      newly.push(this.current);
      this.done.push(this.current);
      this.current++;
      this.log = emptyLog();
    }
    return newly;
  }

  /** Make step `i` current (its log starts empty). */
  goTo(i: number): void {
    this.current = Math.max(0, Math.min(i, this.lesson.steps.length));
    this.done.length = 0;
    for (let k = 0; k < this.current; k++) this.done.push(k);
    this.log = emptyLog();
  }
}
