/** The lessons' files as text (Vite's import.meta.glob), in their own chunk: see lessons-bundle.ts. */
import { loadLessons } from '../lessons/load';
import type { Lesson } from '../lessons/types';

const files = import.meta.glob('/lessons/*/*/*.{yaml,md}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function parseBundledLessons(): Lesson[] {
  return loadLessons(files);
}
