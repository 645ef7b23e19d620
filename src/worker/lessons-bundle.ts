/**
 * The lessons, bundled into the worker as text and parsed once: the page asks the worker for them,
 * so the main script carries none of it. The text (and the YAML parser) is a chunk of its own,
 * loaded the first time a lesson is asked for, so it is not part of what loads before the prompt.
 */
import type { Lesson } from '../lessons/types';

let cache: Promise<Lesson[]> | undefined;
export function bundledLessons(): Promise<Lesson[]> {
  return (cache ??= import('./lessons-text').then((m) => m.parseBundledLessons()));
}
