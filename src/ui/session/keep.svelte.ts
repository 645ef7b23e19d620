/**
 * What the page does to keep work: at start, open a share link or restore the autosaved session;
 * then save after commands (debounced), keep the undo buttons current, and run the controls'
 * actions. The worker decides everything about the machine; this only moves it and tells the
 * learner what happened.
 */
import { keepStats, onEvents, openShared, ready, redo, resetMachine, restoreMachine, saveMachine, shareState, undo } from '../client';
import { i18n, setLang } from '../i18n.svelte';
import { claimSaving, loadSession, setAside, storeSession, checkSession, SESSION_FORMAT, SESSION_VERSION, type SavedSession } from './autosave';
// The link codec (with fflate) loads when a link is opened or made, not before the prompt.
import { isShareFragment, LINK_PREFIX, MAX_LINK_CHARS } from './link-fragment';
import { lessonSeam } from './lesson-seam';
import { onEnter, screenText, scrollbackText, terminalNow, whenTerminal, writeScrollback } from './terminal-bridge';
import { w } from './words';

export const keep = $state({
  /** A sentence about what just happened (restored, link rebuilt …). */
  notice: '',
  /** Why a link could not be opened ([data-testid=link-error]). */
  linkError: '',
  /** Another tab saves; this one does not (until it takes over). */
  notSaving: '' as '' | 'other' | 'lost',
  undo: 0,
  redo: 0,
  undoLabel: '',
  redoLabel: '',
  /** Characters of JSON held by undo/redo, and of the last autosave, and how long it took. */
  undoChars: 0,
  saveChars: 0,
  saveMs: 0,
  presenting: false,
  fontSize: 14,
  /** Saves written since the page opened (end-to-end tests wait on it). */
  saves: 0,
});

// Read-only for tests and the curious (see testhooks.ts for the others).
(globalThis as { __keep?: typeof keep }).__keep = keep;

let owner = false;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let statsTimer: ReturnType<typeof setTimeout> | undefined;
/** Saving waits until the start (restore or link) is done, so it never stores a half-made state. */
let started = false;

/** Read `?lang=` and `?present` (plain links), before anything is drawn. */
export function readAddress(): void {
  const q = new URLSearchParams(location.search);
  const lang = q.get('lang');
  if (lang === 'zh' || lang === 'zh-CN') setLang('zh-CN');
  else if (lang === 'en') setLang('en');
  if (q.has('present')) keep.presenting = true;
}

export async function startKeeping(): Promise<() => void> {
  await ready();
  const port = await whenTerminal();
  if (isShareFragment(location.hash)) await openLinkFromAddress();
  else await restoreSaved(port.term);
  // A plain lesson link, `#/lesson/<chapter>/<lesson>[/<step>]`, is opened by the lesson panel.
  started = true;
  owner = await claimSaving(lost);
  if (!owner) keep.notSaving = 'other';
  const offEnter = onEnter(() => {
    scheduleSave();
    scheduleStats();
  });
  // Ctrl+Z in the terminal undoes in the worker: the buttons learn of it from this event.
  const offEvents = onEvents((events) => {
    scheduleSave();
    if (events.some((e) => e.type === 'machine.replaced')) scheduleStats();
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') void saveNow();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', onHide);
  void refreshStats();
  return () => {
    offEnter();
    offEvents();
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', onHide);
  };
}

function lost(): void {
  owner = false;
  keep.notSaving = 'lost';
}

export async function takeOver(): Promise<void> {
  owner = await claimSaving(lost, true);
  if (owner) {
    keep.notSaving = '';
    await saveNow();
  }
}

async function openLinkFromAddress(): Promise<void> {
  const { decodeLink } = await import('./link');
  const res = decodeLink(location.hash);
  // The link has done its work once read: a reload restores the autosaved session instead.
  history.replaceState(null, '', location.pathname + location.search);
  if (!res.ok) {
    keep.linkError = w('linkBad', { why: res.message });
    return;
  }
  const p = res.payload;
  setLang(p.lang);
  keep.notice = w('linkOpening');
  try {
    const base = p.from ? { kind: 'lesson' as const, id: p.from.lesson, step: p.from.step } : { kind: 'seed' as const };
    const snapshot = p.snap as import('../../engine/snapshot').MachineSnapshot | undefined;
    const report = await openShared({ seed: p.seed, base, log: p.log, digest: p.digest, ...(snapshot ? { snapshot } : {}) }, w('linkOpening'));
    keep.notice = report.same
      ? w(report.fromSnapshot ? 'linkSnapshot' : 'linkSame', { n: report.lines })
      : w('linkDiffers', { parts: report.differs.map((d) => w(`parts_${d}`)).join(', ') });
    if (p.lesson) await lessonSeam.open({ ...p.lesson, done: [] });
  } catch (e) {
    keep.notice = '';
    keep.linkError = w('linkFailed', { why: e instanceof Error ? e.message : String(e) });
  }
}

async function restoreSaved(term: import('@xterm/xterm').Terminal): Promise<void> {
  const loaded = await loadSession();
  if (loaded.kind === 'none') return;
  if (loaded.kind === 'bad') {
    await setAside(loaded.raw);
    keep.notice = w('setAside', { why: loaded.why });
    return;
  }
  const note = w('restored', { when: new Date(loaded.session.savedAt).toLocaleString(i18n.lang) });
  const why = await applySession(loaded.session, term, note);
  if (!why) keep.notice = note;
  else {
    await setAside(loaded.session);
    keep.notice = w('setAside', { why });
  }
}

/**
 * Put a saved session (autosave or an imported file) back: screen, machine, lesson, language.
 * The saved screen goes up first; the worker then prints its note and the new prompt below it.
 * Answers the reason when the machine cannot be restored (the screen is then as it was).
 */
async function applySession(s: SavedSession, term: import('@xterm/xterm').Terminal, note: string): Promise<string | undefined> {
  const before = screenText(term);
  writeScrollback(term, s.scrollback);
  try {
    await restoreMachine(s.machine, note);
  } catch (e) {
    // Take the saved screen away again. The shell's prompt may have arrived after `before` was
    // read (it is then the cursor line): clear() keeps that line, so the prompt stays.
    if (before.trim()) {
      term.reset();
      term.write(before);
    } else term.clear();
    return e instanceof Error ? e.message : String(e);
  }
  setLang(s.lang);
  if (s.lesson) await lessonSeam.open(s.lesson);
  return undefined;
}

async function collect(): Promise<SavedSession> {
  const t0 = performance.now();
  const machine = await saveMachine();
  const port = terminalNow();
  const s: SavedSession = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: Date.now(),
    machine,
    scrollback: port ? scrollbackText(port.term) : '',
    lang: i18n.lang,
    ...(lessonSeam.get() ? { lesson: lessonSeam.get() } : {}),
  };
  keep.saveChars = machine.length + s.scrollback.length;
  keep.saveMs = Math.round(performance.now() - t0);
  return s;
}

export async function saveNow(): Promise<void> {
  if (!owner || !started) return;
  clearTimeout(saveTimer);
  try {
    await storeSession(await collect());
    keep.saves++;
  } catch (e) {
    console.warn('[autosave]', e);
  }
}

function scheduleSave(): void {
  if (!owner || !started) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void saveNow(), 1200);
}

function scheduleStats(): void {
  clearTimeout(statsTimer);
  statsTimer = setTimeout(() => void refreshStats(), 300);
}

export async function refreshStats(): Promise<void> {
  try {
    const s = await keepStats();
    keep.undo = s.undo;
    keep.redo = s.redo;
    keep.undoLabel = s.undoLabel ?? '';
    keep.redoLabel = s.redoLabel ?? '';
    keep.undoChars = s.undoChars;
  } catch {
    /* the worker is not there yet */
  }
}

export async function doUndo(): Promise<void> {
  const label = await undo();
  if (label === null) keep.notice = w('nothingToUndo');
  await refreshStats();
  scheduleSave();
}

export async function doRedo(): Promise<void> {
  await redo();
  await refreshStats();
  scheduleSave();
}

export async function doReset(): Promise<void> {
  await resetMachine(w('resetNote'));
  await refreshStats();
  scheduleSave();
}

/**
 * The share link of this session as a whole URL. The worker replays the log first: when the replay
 * would not make this machine, the link carries a snapshot, and `why` says so.
 */
export async function makeShareUrl(): Promise<{ url: string; why?: import('../../worker/protocol').SnapshotReason; tooBig: boolean }> {
  const [st, { encodeLink }] = await Promise.all([shareState(), import('./link')]);
  const lesson = lessonSeam.get();
  const fragment = encodeLink({
    v: 1,
    ...(lesson ? { lesson: { id: lesson.id, hash: lesson.hash ?? '', step: lesson.step } } : {}),
    lang: i18n.lang,
    seed: st.seed,
    log: st.log,
    ...(st.base.kind === 'lesson' && !st.snapshot ? { from: { lesson: st.base.id, step: st.base.step } } : {}),
    ...(st.snapshot ? { snap: st.snapshot as unknown as Record<string, unknown> } : {}),
    digest: st.digest,
  });
  const url = location.origin + location.pathname + fragment;
  return { url, why: st.why, tooBig: fragment.length - LINK_PREFIX.length > MAX_LINK_CHARS };
}

/** The whole workspace as a file (the autosave record). */
export async function exportWorkspace(): Promise<void> {
  const s = await collect();
  const blob = new Blob([JSON.stringify(s)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `docker-lab-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export async function importWorkspace(file: File): Promise<void> {
  let value: unknown;
  try {
    if (file.size > 64 * 1024 * 1024) throw new Error('the file is too large');
    value = JSON.parse(await file.text());
  } catch (e) {
    keep.notice = w('importBad', { why: e instanceof Error ? e.message : String(e) });
    return;
  }
  const why = checkSession(value);
  if (why) {
    keep.notice = w('importBad', { why });
    return;
  }
  const port = await whenTerminal();
  const failed = await applySession(value as SavedSession, port.term, w('imported'));
  keep.notice = failed ? w('importBad', { why: failed }) : w('imported');
  await refreshStats();
  await saveNow();
}
