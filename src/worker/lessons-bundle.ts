/**
 * The lessons, bundled into the worker as text (Vite's import.meta.glob) and parsed once: the page
 * asks the worker for them, so the main script carries none of it.
 */
import { loadLessons } from '../lessons/load';
import type { Lesson } from '../lessons/types';

const files = import.meta.glob('/lessons/*/*/*.{yaml,md}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

let cache: Lesson[] | undefined;
export function bundledLessons(): Lesson[] {
  return (cache ??= loadLessons(files));
}
