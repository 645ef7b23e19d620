/**
 * Lesson text as HTML, with its renderer (marked + DOMPurify, markdown.ts) loaded on demand: the
 * first screen does not need it, so it stays out of what loads before the prompt (issue 16). Until
 * the renderer is in, a text renders as nothing and shows a moment later (the renderer is reactive
 * state, so every `lessonHtml` call in a template runs again once it has loaded).
 */
import { afterPrompt } from '../terminal-bus';

let render = $state<((md: string) => string) | undefined>(undefined);
let loading: Promise<void> | undefined;

/** Start loading the renderer (once; a failed load is tried again on the next call). */
export function loadLessonRenderer(): Promise<void> {
  return (loading ??= import('./markdown').then(
    (m) => {
      render = m.renderMarkdown;
    },
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  ));
}

/** `md` as sanitized HTML, or '' while the renderer is still loading. */
export function lessonHtml(md: string): string {
  if (render) return render(md);
  void loadLessonRenderer().catch(() => {});
  return '';
}

// Fetch it once the prompt is up, so the lesson text is ready by the time it arrives.
void afterPrompt().then(() => loadLessonRenderer()).catch(() => {});
