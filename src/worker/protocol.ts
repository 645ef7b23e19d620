/**
 * The contract between the page and the daemon worker. Types only, plus the result helpers: the
 * UI imports this file's types through src/ui/client.ts and nothing else from the worker.
 *
 * Comlink keeps only message/name/stack of a thrown error, so every call answers with a Result
 * instead of throwing; a failure the learner should see (an engine bug while handling a key) is
 * also written into the terminal's output stream.
 */
import { DaemonError, type DaemonErrorJSON } from '../api/errors';
import type { MachineEvent } from '../engine/events';
import type { MachineView } from '../engine/view';
import type { FileNode, PageRequest, PageResponse } from '../engine/host/files';

export type { FileNode, PageRequest, PageResponse };

export type { MachineEvent, MachineView };
export type { Lesson, Lang } from '../lessons/types';

/** Where the open lesson stands: the current step's conditions, live, and the done steps' facts. */
export interface LessonStatus {
  id: string;
  /** 0-based index of the current step (the number of steps once finished). */
  current: number;
  done: number[];
  finished: boolean;
  conditions: { met: boolean; text: string }[];
  /** For each done step (0-based), the facts computed from the machine when it was done. */
  facts: Record<number, string[]>;
}

/** A failure as it crosses the worker boundary: a DaemonError's JSON, or any other error's name and text. */
export type WireError = DaemonErrorJSON | { name: string; message: string; stack?: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: WireError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(e: unknown): { ok: false; error: WireError } {
  if (e instanceof DaemonError) return { ok: false, error: e.toJSON() };
  if (e instanceof Error) return { ok: false, error: { name: e.name, message: e.message, stack: e.stack } };
  return { ok: false, error: { name: 'Error', message: String(e) } };
}

/** Run a call and answer with its Result: the one place a worker call turns a throw into a failure. */
export async function attempt<T>(fn: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (e) {
    return fail(e);
  }
}

/** What the worker reports once the machine has booted. */
export interface BootInfo {
  /** Milliseconds from the worker's start to a booted Machine. */
  bootMs: number;
  /** The memfs smoke check (write then read a file in a fresh Volume): 'ok' or the error text. */
  memfs: string;
}

/**
 * Output of a terminal session, batched: one call per flush tick (about a frame). Resolving only
 * once the text is drawn gives the session flow control (engine/process/screen-gate.ts).
 */
export type OutputCallback = (data: string) => void | Promise<void>;
/** Machine events, batched the same way. */
export type EventsCallback = (events: MachineEvent[]) => void;

/** The API the worker exposes over comlink. Session and subscription ids are small integers. */
export interface WorkerApi extends KeepApi {
  /** Resolves once the Machine has booted (or failed to). */
  ready(): Promise<Result<BootInfo>>;
  /** Open a terminal session (a host login shell); output is pushed to `onOutput`. */
  openSession(onOutput: OutputCallback, cols: number, rows: number): Promise<Result<number>>;
  /** Keystrokes as xterm sends them (`\r` Enter, `\x03` Ctrl-C, escape sequences for arrows). */
  input(session: number, data: string): Promise<Result<void>>;
  resize(session: number, cols: number, rows: number): Promise<Result<void>>;
  awaitingInput(session: number): Promise<Result<boolean>>;
  closeSession(session: number): Promise<Result<void>>;
  /** A plain-data snapshot for the pictures. */
  describe(): Promise<Result<MachineView>>;
  /** Subscribe to machine events, delivered in batches. */
  subscribe(onEvents: EventsCallback): Promise<Result<number>>;
  unsubscribe(subscription: number): Promise<Result<void>>;
  /** Host files as the learner sees them (the editor and the file list). */
  readFile(path: string): Promise<Result<{ text?: string; error?: string; missing?: boolean }>>;
  writeFile(path: string, text: string): Promise<Result<{ error?: string }>>;
  listFiles(): Promise<Result<FileNode[]>>;
  /** The browser pane: GET a URL from the host's network. */
  httpGet(url: string): Promise<Result<PageResponse>>;
  /** The same with a method, headers and a body. */
  httpRequest(url: string, req: PageRequest): Promise<Result<PageResponse>>;

  // Lessons (src/worker/lesson-host.ts)
  /** Every bundled lesson (text, steps, goals): plain data. */
  lessonCatalog(): Promise<Result<import('../lessons/types').Lesson[]>>;
  /**
   * Open a lesson at a step: the machine is replaced by the lesson's state at that step (its
   * setup and the earlier steps' solutions, replayed); terminal sessions carry on, on the new machine.
   */
  lessonOpen(id: string, step: number, lang: import('../lessons/types').Lang): Promise<Result<LessonStatus>>;
  /** The open lesson's progress (checks the goals now); undefined when no lesson is open. */
  lessonStatus(lang: import('../lessons/types').Lang): Promise<Result<LessonStatus | undefined>>;
  /** Follow a lesson on the machine as it is (a restored session, a share link), from `step`. */
  lessonAttach(id: string, step: number, lang: import('../lessons/types').Lang): Promise<Result<LessonStatus>>;
  /** Leave the lesson (the machine stays as it is: the sandbox). */
  lessonClose(): Promise<Result<void>>;
}

// ---- Keeping work: undo, autosave, share links (src/worker/keep-api.ts) ----

export type { KeepStats, ReplayReport, SharedMachine } from './workspace';
export type { Base, SnapshotReason } from './share';
import type { KeepStats, ReplayReport, SharedMachine } from './workspace';
import type { SnapshotReason } from './share';

/**
 * What a share link needs from the worker: how to make this machine again (its base and typed
 * log, checked by a replay, or else its snapshot, with the reason) and its digest.
 */
export type ShareState = SharedMachine & { why?: SnapshotReason };

export interface KeepApi {
  keepStats(): Promise<Result<KeepStats>>;
  /** Back to before the last command typed at the host prompt; the command's text, or null. */
  undo(): Promise<Result<string | null>>;
  redo(): Promise<Result<string | null>>;
  /** A fresh machine (undoable). */
  reset(note: string): Promise<Result<void>>;
  /**
   * Ctrl+Z from the page: undo when the host shell shows its prompt, else the key goes to the
   * terminal (SIGTSTP for a running program), decided in the worker where the prompt is known.
   */
  undoKey(session: number): Promise<Result<'undone' | 'nothing' | 'passed'>>;
  /** The machine, log and history for autosave, as JSON text (SavedMachine). */
  saveMachine(): Promise<Result<string>>;
  /** Take back a saved session; fails, changing nothing, when it cannot boot. */
  restoreMachine(json: string, note: string): Promise<Result<void>>;
  shareState(): Promise<Result<ShareState>>;
  /** Make a link's machine (its snapshot, or its base and log replayed) and switch to it. */
  openShared(link: SharedMachine, note: string): Promise<Result<ReplayReport>>;
}
