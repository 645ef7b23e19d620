/**
 * Lessons from a set of files: `lessons/<NN-chapter>/<NN-lesson>/{lesson.yaml,zh.md,en.md}`. Node
 * reads them from disk (src/tools/lessons.ts), the page bundles them (src/ui/lessons); both hand
 * the same path → text map here. Numbers order folders; ids come from lesson.yaml.
 */
import { parse as parseYaml } from 'yaml';
import { sha256Hex } from './hash';
import { LessonFormatError, validateLessonYaml } from './schema';
import { parseLessonText } from './text';
import type { Lang, Lesson } from './types';

export const LANGS: Lang[] = ['zh', 'en'];

export { CHAPTERS } from './chapters';

/** One lesson from its three files. `folder` is `NN-chapter/NN-lesson`. */
export function loadLesson(folder: string, files: { yaml: string; zh: string; en: string }): Lesson {
  const m = /^(\d+)-([a-z0-9-]+)\/(\d+)-([a-z0-9-]+)$/.exec(folder);
  if (!m) throw new LessonFormatError(`${folder}: lesson folders are NN-chapter/NN-lesson`);
  if (files.yaml.length > 200_000) throw new LessonFormatError(`${folder}/lesson.yaml: too long`);
  let raw: unknown;
  try {
    raw = parseYaml(files.yaml, { maxAliasCount: 50 });
  } catch (e) {
    throw new LessonFormatError(`${folder}/lesson.yaml: ${(e as Error).message.split('\n')[0]}`);
  }
  const y = validateLessonYaml(raw);
  const chapter = y.id.split('/')[0]!;
  const text = { zh: parseLessonText(files.zh, `${folder}/zh.md`), en: parseLessonText(files.en, `${folder}/en.md`) };
  for (const lang of LANGS) {
    if (text[lang].steps.length !== y.steps.length) {
      throw new LessonFormatError(`${folder}/${lang}.md: ${text[lang].steps.length} steps in the text, ${y.steps.length} in lesson.yaml`);
    }
  }
  return {
    id: y.id,
    chapter,
    order: [Number(m[1]), Number(m[3])],
    sections: y.sections,
    setup: y.setup,
    steps: y.steps,
    wrong: y.wrong,
    text,
    hash: sha256Hex(files.yaml + '\0' + files.zh + '\0' + files.en).slice(0, 12),
  };
}

/** Every lesson in a file map (`<NN-chapter>/<NN-lesson>/<file>` → text), in folder order. */
export function loadLessons(files: Record<string, string>): Lesson[] {
  const folders = new Map<string, { yaml?: string; zh?: string; en?: string }>();
  for (const [path, text] of Object.entries(files)) {
    const m = /(\d+-[a-z0-9-]+\/\d+-[a-z0-9-]+)\/(lesson\.yaml|zh\.md|en\.md)$/.exec(path);
    if (!m) continue;
    const f = folders.get(m[1]!) ?? {};
    if (m[2] === 'lesson.yaml') f.yaml = text;
    else if (m[2] === 'zh.md') f.zh = text;
    else f.en = text;
    folders.set(m[1]!, f);
  }
  const lessons: Lesson[] = [];
  for (const [folder, f] of folders) {
    if (f.yaml === undefined || f.zh === undefined || f.en === undefined) {
      throw new LessonFormatError(`${folder}: needs lesson.yaml, zh.md and en.md`);
    }
    lessons.push(loadLesson(folder, { yaml: f.yaml, zh: f.zh, en: f.en }));
  }
  const ids = new Set<string>();
  for (const l of lessons) {
    if (ids.has(l.id)) throw new LessonFormatError(`two lessons have the id ${l.id}`);
    ids.add(l.id);
  }
  return lessons.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
}
