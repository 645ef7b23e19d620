/**
 * The ONE module the UI uses to talk to the daemon worker. Components import from here, never
 * from src/worker or src/engine (types excepted). Every worker answer is a Result; this module turns
 * failures into thrown errors (the api's `DaemonError`, or `WorkerError`) for request/response calls, and keeps fire-and-forget calls
 * (keystrokes, resize) from producing unhandled rejections.
 */
import * as Comlink from 'comlink';
import type { BootInfo, WorkerApi, MachineEvent, MachineView, Result } from '../worker/protocol';
import { DaemonError } from '../api/errors';

export type { BootInfo, MachineEvent, MachineView };
export type { ImageView, LayerView, ContainerView } from '../engine/view';

/** A worker call that failed with something other than a daemon error (a bug, a refused snapshot). */
export class WorkerError extends Error {
  constructor(w: { name: string; message: string; stack?: string }) {
    super(w.message);
    this.name = w.name === 'Error' ? 'WorkerError' : w.name;
    if (w.stack) this.stack = w.stack;
  }
}

function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw DaemonError.is(r.error) ? DaemonError.fromJSON(r.error) : new WorkerError(r.error);
}

let remote: Comlink.Remote<WorkerApi> | undefined;

function daemon(): Comlink.Remote<WorkerApi> {
  if (!remote) {
    // The built page starts the worker from its HTML, before this script has even arrived
    // (vite.config.ts, earlyWorker); in dev mode it is started here.
    const early = (globalThis as { __dockerdWorker?: Worker }).__dockerdWorker;
    const worker =
      early ??
      new Worker(new URL('../worker/daemon.worker.ts', import.meta.url), {
        type: 'module',
        name: 'dockerd',
      });
    remote = Comlink.wrap<WorkerApi>(worker);
  }
  return remote;
}

/** Resolves when the simulated machine has booted; rejects with the boot error. */
export async function ready(): Promise<BootInfo> {
  return unwrap(await daemon().ready());
}

export interface TerminalHandle {
  /** Send keystrokes (xterm's onData bytes). */
  input(data: string): void;
  resize(cols: number, rows: number): void;
  /** True when the foreground waits for a line (the prompt, `cat`, a container shell). */
  awaitingInput(): Promise<boolean>;
  /** Ctrl+Z: undo at the host prompt, else the key goes to the running program. */
  undoKey(): Promise<'undone' | 'nothing' | 'passed'>;
  close(): Promise<void>;
}

/**
 * Open a terminal session in the worker; `onOutput` receives the pty output in batches. When it
 * returns a promise that resolves once the text is drawn, the worker paces output to the screen.
 */
export async function openTerminal(
  onOutput: (data: string) => void | Promise<void>,
  size: { cols: number; rows: number } = { cols: 0, rows: 0 },
): Promise<TerminalHandle> {
  const d = daemon();
  const cb = Comlink.proxy(onOutput);
  const id = unwrap(await d.openSession(cb, size.cols, size.rows));
  const report = (p: Promise<Result<void>>) =>
    p.then(
      (r) => {
        if (!r.ok) console.warn('[daemon]', r.error.message);
      },
      (e) => console.warn('[daemon]', e),
    );
  return {
    input: (data) => void report(d.input(id, data)),
    resize: (cols, rows) => void report(d.resize(id, cols, rows)),
    awaitingInput: async () => unwrap(await d.awaitingInput(id)),
    undoKey: async () => unwrap(await d.undoKey(id)),
    close: async () => {
      unwrap(await d.closeSession(id));
    },
  };
}

/** A snapshot of images, layers and containers for the pictures. */
export async function describe(): Promise<MachineView> {
  return unwrap(await daemon().describe());
}

/** Subscribe to batched machine events; returns an unsubscribe function. */
export function onEvents(fn: (events: MachineEvent[]) => void): () => void {
  const d = daemon();
  const sub = d.subscribe(Comlink.proxy(fn)).then((r) => unwrap(r));
  sub.catch((e) => console.warn('[daemon] subscribe failed', e));
  return () => {
    sub.then(
      async (id) => {
        await d.unsubscribe(id);
      },
      () => {},
    );
  };
}

export type { FileNode, PageRequest, PageResponse } from '../worker/protocol';

/** A host file as the learner can read it (`missing` when it does not exist yet). */
export async function readFile(path: string): Promise<{ text?: string; error?: string; missing?: boolean }> {
  return unwrap(await daemon().readFile(path));
}

export async function writeFile(path: string, text: string): Promise<{ error?: string }> {
  return unwrap(await daemon().writeFile(path, text));
}

export async function listFiles(): Promise<import('../worker/protocol').FileNode[]> {
  return unwrap(await daemon().listFiles());
}

/** GET a page of this machine (a published port) for the browser pane. */
export async function httpGet(url: string): Promise<import('../worker/protocol').PageResponse> {
  return unwrap(await daemon().httpGet(url));
}

/** A request with a method, headers or a body (a form the page posts, say). */
export async function httpRequest(url: string, req: import('../worker/protocol').PageRequest): Promise<import('../worker/protocol').PageResponse> {
  return unwrap(await daemon().httpRequest(url, req));
}

export type { Lesson, LessonStatus } from '../worker/protocol';

/** Every bundled lesson (parsed in the worker). */
export async function lessonCatalog(): Promise<import('../worker/protocol').Lesson[]> {
  return unwrap(await daemon().lessonCatalog());
}

/** Open a lesson at a step (0-based): the machine becomes that step's starting state. */
export async function lessonOpen(id: string, step: number, lang: 'zh' | 'en'): Promise<import('../worker/protocol').LessonStatus> {
  return unwrap(await daemon().lessonOpen(id, step, lang));
}

export async function lessonStatus(lang: 'zh' | 'en'): Promise<import('../worker/protocol').LessonStatus | undefined> {
  return unwrap(await daemon().lessonStatus(lang));
}

/** Follow a lesson on the machine as it is now (a restored session, a share link). */
export async function lessonAttach(id: string, step: number, lang: 'zh' | 'en'): Promise<import('../worker/protocol').LessonStatus> {
  return unwrap(await daemon().lessonAttach(id, step, lang));
}

export async function lessonClose(): Promise<void> {
  unwrap(await daemon().lessonClose());
}

// ---- Keeping work: undo, autosave, share links (src/ui/session/) ----

export type { KeepStats, ReplayReport, ShareState } from '../worker/protocol';

export async function keepStats(): Promise<import('../worker/protocol').KeepStats> {
  return unwrap(await daemon().keepStats());
}
export async function undo(): Promise<string | null> {
  return unwrap(await daemon().undo());
}
export async function redo(): Promise<string | null> {
  return unwrap(await daemon().redo());
}
export async function resetMachine(note: string): Promise<void> {
  unwrap(await daemon().reset(note));
}
/** The machine, typed log and history as JSON text, for autosave and export. */
export async function saveMachine(): Promise<string> {
  return unwrap(await daemon().saveMachine());
}
export async function restoreMachine(json: string, note: string): Promise<void> {
  unwrap(await daemon().restoreMachine(json, note));
}
export async function shareState(): Promise<import('../worker/protocol').ShareState> {
  return unwrap(await daemon().shareState());
}
export async function openShared(link: import('../worker/protocol').SharedMachine, note: string): Promise<import('../worker/protocol').ReplayReport> {
  return unwrap(await daemon().openShared(link, note));
}
