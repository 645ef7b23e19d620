/** The lessons folder read from disk in Node (the runner, tests, e2e); the page bundles it instead. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadLessons } from '../lessons/load';
import type { Lesson } from '../lessons/types';

/** Every .yaml/.yml/.md file below `dir`, by its path relative to it. */
export function readTree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(p).isDirectory()) Object.assign(out, readTree(p, rel));
    else if (/\.(ya?ml|md)$/.test(name)) out[rel] = readFileSync(p, 'utf8');
  }
  return out;
}

/** The lessons in ./lessons of the working directory. */
export function lessonsOnDisk(root = join(process.cwd(), 'lessons')): Lesson[] {
  return loadLessons(readTree(root));
}
