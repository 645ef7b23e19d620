/** Which lessons the learner finished, kept in this browser (localStorage). */
const KEY = 'docker-lab.lessons.done';

export function loadDone(): Record<string, boolean> {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x === true)) as Record<string, boolean>;
    }
  } catch {
    /* storage unavailable or corrupt */
  }
  return {};
}

export function markDone(id: string): Record<string, boolean> {
  const d = { ...loadDone(), [id]: true };
  try {
    localStorage.setItem(KEY, JSON.stringify(d));
  } catch {
    /* storage unavailable */
  }
  return d;
}
