/** `#/lesson/<chapter>/<lesson>[/<step>]` (step 1-based in the address, 0-based inside). */
export function parseLessonRoute(hash: string): { id: string; step: number } | undefined {
  const m = /^#\/lesson\/([a-z][a-z0-9-]*\/[a-z][a-z0-9-]*)(?:\/(\d{1,3}))?\/?$/.exec(hash);
  if (!m) return undefined;
  return { id: m[1]!, step: m[2] ? Math.max(0, Number(m[2]) - 1) : 0 };
}

export function lessonRoute(id: string, step: number): string {
  return `${location.pathname}${location.search}#/lesson/${id}${step > 0 ? `/${step + 1}` : ''}`;
}
