/**
 * Autosave in IndexedDB (idb-keyval): the worker's machine, log and history (JSON text), the
 * terminal's scrollback, the open lesson and the language, as one versioned record. The same
 * record is what "Export" writes to a file and "Import" reads back.
 *
 * A stored record is untrusted (another version of the page wrote it, or a file from anywhere):
 * `checkSession` validates it whole and a record that fails is moved aside under its own key, so
 * the page starts fresh and the learner's data is not lost.
 *
 * Two tabs: only the tab holding the Web Lock `docker-lab-autosave` writes. A second tab is told
 * so and may take the lock over (`steal`); the first tab then learns it lost it and says so.
 */
import { del, get, set } from 'idb-keyval';
import type { LessonPlace } from './lesson-seam';

export const SESSION_KEY = 'docker-lab.session';
export const SESSION_FORMAT = 'docker-lab-session';
export const SESSION_VERSION = 1;
/** A record larger than this is refused (it would not come from this page). */
export const MAX_SESSION_CHARS = 64 * 1024 * 1024;

export interface SavedSession {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  savedAt: number;
  /** The worker's SavedMachine as JSON text (validated again by the worker when it boots it). */
  machine: string;
  scrollback: string;
  lesson?: LessonPlace;
  lang: 'zh-CN' | 'en';
}

export type LoadResult = { kind: 'none' } | { kind: 'ok'; session: SavedSession } | { kind: 'bad'; why: string; raw: unknown };

/** The first thing wrong with a record, or undefined. */
export function checkSession(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null) return 'not a saved session';
  const o = x as Record<string, unknown>;
  if (o.format !== SESSION_FORMAT) return 'not a Docker Lab session';
  if (typeof o.version !== 'number') return 'no version';
  if (o.version > SESSION_VERSION) return `saved by a newer version (${o.version})`;
  if (o.version !== SESSION_VERSION) return `saved by an older version (${o.version}) that cannot be migrated`;
  if (typeof o.savedAt !== 'number') return 'no save time';
  if (typeof o.machine !== 'string' || o.machine.length > MAX_SESSION_CHARS) return 'the machine is missing or too large';
  if (typeof o.scrollback !== 'string' || o.scrollback.length > 1_000_000) return 'the scrollback is malformed';
  if (o.lang !== 'zh-CN' && o.lang !== 'en') return 'the language is malformed';
  if (o.lesson !== undefined) {
    const l = o.lesson as Record<string, unknown>;
    if (typeof l !== 'object' || l === null || typeof l.id !== 'string' || typeof l.step !== 'number' || !Array.isArray(l.done)) return 'the lesson is malformed';
  }
  return undefined;
}

export async function loadSession(): Promise<LoadResult> {
  let raw: unknown;
  try {
    raw = await get(SESSION_KEY);
  } catch (e) {
    return { kind: 'bad', why: `storage unavailable (${e instanceof Error ? e.message : String(e)})`, raw: undefined };
  }
  if (raw === undefined) return { kind: 'none' };
  const why = checkSession(raw);
  return why ? { kind: 'bad', why, raw } : { kind: 'ok', session: raw as SavedSession };
}

/** Keep a record that could not be restored under its own key and clear the main one. */
export async function setAside(raw: unknown): Promise<string> {
  const key = `docker-lab.set-aside.${new Date().toISOString()}`;
  try {
    if (raw !== undefined) await set(key, raw);
    await del(SESSION_KEY);
  } catch {
    /* storage unavailable: nothing more to do */
  }
  return key;
}

export async function storeSession(s: SavedSession): Promise<void> {
  await set(SESSION_KEY, s);
}

const LOCK = 'docker-lab-autosave';

/**
 * Ask to be the tab that saves. Resolves true when this tab holds the lock (then `onLost` runs if
 * another tab takes it over), false when another tab holds it. Without Web Locks, every tab saves.
 */
export function claimSaving(onLost: () => void, steal = false): Promise<boolean> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    const held = locks.request(LOCK, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(false);
        return undefined;
      }
      resolve(true);
      return new Promise<void>(() => {}); // hold it for the life of the tab
    });
    // A stolen lock rejects the held promise with AbortError: another tab saves now.
    held.catch(() => onLost());
  });
}
