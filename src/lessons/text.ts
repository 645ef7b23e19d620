/**
 * A lesson's text (zh.md, en.md): `# Title`, an intro, then one `## Step title` section per step,
 * in order. Inside a step, `### Hints` (`### 提示`) holds a list of 1–3 hints (`- …`), and
 * `### After` (`### 发生了什么`) the explanation shown once the step is done. Headings inside code
 * fences are text, not structure.
 */
import type { LessonText, StepText } from './types';
import { LessonFormatError } from './schema';

const HINTS = /^(hints?|提示)$/i;
const AFTER = /^(after|what happened|发生了什么)$/i;

export function parseLessonText(md: string, file: string): LessonText {
  if (md.length > 200_000) throw new LessonFormatError(`${file}: text too long`);
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  let title = '';
  const intro: string[] = [];
  const steps: StepText[] = [];
  let step: StepText | undefined;
  let part: 'body' | 'hints' | 'after' = 'body';
  let body: string[] = [];
  let after: string[] = [];
  let fence = false;
  const close = () => {
    if (!step) return;
    step.body = body.join('\n').trim();
    step.after = after.join('\n').trim();
    step.hints = step.hints.map((h) => h.trim()).filter(Boolean);
    steps.push(step);
  };
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const h = fence ? null : /^(#{1,3})\s+(.*?)\s*$/.exec(line);
    if (h && h[1] === '#' && !title && !step) {
      title = h[2]!;
      continue;
    }
    if (h && h[1] === '##') {
      close();
      step = { title: h[2]!, body: '', hints: [], after: '' };
      body = [];
      after = [];
      part = 'body';
      continue;
    }
    if (h && h[1] === '###' && step) {
      if (HINTS.test(h[2]!)) { part = 'hints'; continue; }
      if (AFTER.test(h[2]!)) { part = 'after'; continue; }
    }
    if (!step) intro.push(line);
    else if (part === 'body') body.push(line);
    else if (part === 'after') after.push(line);
    else if (/^\s*[-*]\s+/.test(line)) step.hints.push(line.replace(/^\s*[-*]\s+/, ''));
    else if (line.trim() && step.hints.length) step.hints[step.hints.length - 1] += '\n' + line.trim();
  }
  close();
  if (!title) throw new LessonFormatError(`${file}: the text starts with '# Title'`);
  return { title, intro: intro.join('\n').trim(), steps };
}
