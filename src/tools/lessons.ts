/**
 * `npm run --silent lessons -- list | check [ID...] | solution ID | try [--lang zh|en] ID FILE`:
 * the lesson runner of DESIGN.md, over the lessons in ./lessons.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonsOnDisk } from './lesson-files';
import { checkLesson } from '../lessons/check';
import { startLesson } from '../lessons/replay';
import type { Lang, Lesson } from '../lessons/types';

const ROOT = join(process.cwd(), 'lessons');


function lessons(): Lesson[] {
  return lessonsOnDisk(ROOT);
}

function pick(all: Lesson[], id: string): Lesson {
  const l = all.find((x) => x.id === id);
  if (!l) throw new UsageError(`no lesson ${id} (see: lessons -- list)`);
  return l;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  const cmd = args.shift();
  const out = (s: string) => process.stdout.write(s);
  if (cmd === 'list') {
    for (const l of lessons()) out(`${l.id}\t${l.steps.length}\t${l.text.zh.title}\t${l.text.en.title}\n`);
    return 0;
  }
  if (cmd === 'check') {
    const all = lessons();
    const chosen = args.length ? args.map((id) => pick(all, id)) : all;
    let passed = 0;
    let failed = 0;
    for (const l of chosen) {
      let f;
      try {
        f = await checkLesson(l);
      } catch (e) {
        f = { step: 0, reason: `error: ${(e as Error).message}` };
      }
      if (f) {
        failed++;
        out(`${l.id}: FAIL ${f.step}: ${f.reason}\n`);
      } else {
        passed++;
        out(`${l.id}: ok\n`);
      }
    }
    out(`${passed} passed, ${failed} failed\n`);
    return failed ? 1 : 0;
  }
  if (cmd === 'solution') {
    const l = pick(lessons(), args[0] ?? '');
    l.steps.forEach((s, i) => {
      out(`# step ${i + 1}\n`);
      for (const line of s.solution) out(line + '\n');
    });
    return 0;
  }
  if (cmd === 'try') {
    let lang: Lang = 'zh';
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--lang') {
        const v = args[++i];
        if (v !== 'zh' && v !== 'en') throw new UsageError('--lang takes zh or en');
        lang = v;
      } else if (args[i]!.startsWith('--lang=')) {
        const v = args[i]!.slice(7);
        if (v !== 'zh' && v !== 'en') throw new UsageError('--lang takes zh or en');
        lang = v;
      } else rest.push(args[i]!);
    }
    if (rest.length !== 2) throw new UsageError('usage: lessons -- try [--lang zh|en] ID FILE');
    const l = pick(lessons(), rest[0]!);
    const script = rest[1] === '-' ? readFileSync(0, 'utf8') : readFileSync(rest[1]!, 'utf8');
    const lines = script.replace(/\r\n/g, '\n').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const run = await startLesson(l);
    out(run.h.take());
    for (const line of lines) {
      await run.h.type(line);
      const shown = run.h.take();
      out(shown);
      const newly = await run.progress.advance();
      // The marker stands on a line of its own (the prompt may be waiting at the end of the stream).
      if (newly.length && shown && !shown.endsWith('\n')) out('\n');
      for (const n of newly) out(`[lesson] step ${n + 1} done\n`);
    }
    const n = l.steps.length;
    const k = run.progress.current;
    out(`${l.id}: ${k}/${n} steps done\n`);
    if (k < n) {
      const unmet = (await run.progress.conditions(k, lang)).find((c) => !c.met);
      const title = l.text[lang].steps[k]!.title;
      out(lang === 'zh' ? `下一步：第 ${k + 1} 步「${title}」：${unmet?.text ?? ''}\n` : `next: step ${k + 1} "${title}": ${unmet?.text ?? ''}\n`);
    }
    run.dispose();
    run.h.close();
    return 0;
  }
  throw new UsageError('usage: npm run --silent lessons -- list | check [ID...] | solution ID | try [--lang zh|en] ID FILE');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError) {
      process.stderr.write(`lessons: ${err.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`lessons: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
