/**
 * The lesson checker (DESIGN.md "The lesson runner"): replays a lesson's reference solution on a
 * fresh machine and checks that the start state fails the first goal, each goal is false before its
 * step's solution and true after, every step has zh and en text and 1–3 hints, and the kept wrong
 * attempts do not complete the step they aim at.
 */
import { startLesson } from './replay';
import { LANGS } from './load';
import type { Lesson } from './types';

export interface CheckFailure {
  /** 1-based step, or 0 for the lesson as a whole. */
  step: number;
  reason: string;
}

async function firstUnmet(run: Awaited<ReturnType<typeof startLesson>>, i: number): Promise<string> {
  const c = await run.progress.conditions(i, 'en');
  return c.find((x) => !x.met)?.text ?? '';
}

export async function checkLesson(lesson: Lesson, seed = 1): Promise<CheckFailure | undefined> {
  for (const lang of LANGS) {
    const t = lesson.text[lang];
    if (!t.title.trim()) return { step: 0, reason: `${lang}: no title` };
    for (let i = 0; i < lesson.steps.length; i++) {
      const s = t.steps[i]!;
      if (!s.title.trim() || !s.body.trim()) return { step: i + 1, reason: `${lang}: the step has no title or text` };
      if (s.hints.length < 1 || s.hints.length > 3) return { step: i + 1, reason: `${lang}: ${s.hints.length} hints (1–3 wanted)` };
    }
  }
  const run = await startLesson(lesson, { seed });
  try {
    for (let i = 0; i < lesson.steps.length; i++) {
      run.progress.goTo(i);
      if (await run.progress.goalMet(i)) {
        return { step: i + 1, reason: i === 0 ? 'the start state already meets the first goal' : 'the goal already holds before its solution' };
      }
      for (const line of lesson.steps[i]!.solution) await run.h.type(line);
      if (!(await run.progress.goalMet(i))) {
        return { step: i + 1, reason: `the goal does not hold after the solution: ${await firstUnmet(run, i)}\n--- terminal ---\n${run.h.take().split('\n').slice(-15).join('\n')}` };
      }
      run.h.take();
    }
  } finally {
    run.dispose();
    run.h.close();
  }
  for (const [k, w] of lesson.wrong.entries()) {
    const r = await startLesson(lesson, { seed, step: w.step - 1 });
    try {
      for (const line of w.lines) await r.h.type(line);
      if (await r.progress.goalMet(w.step - 1)) {
        return { step: w.step, reason: `wrong attempt ${k + 1} (${w.note || w.lines.join('; ')}) completes the step` };
      }
    } finally {
      r.dispose();
      r.h.close();
    }
  }
  return undefined;
}
