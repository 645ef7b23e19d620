/**
 * The machine the page works on, and everything that replaces it: undo and redo, a reset, a
 * session restored from the browser's storage, a share link. The worker holds one Workspace; when
 * the machine changes, `onReplace` listeners re-attach the terminal sessions and event feeds.
 *
 * Undo points are snapshots (Machine.snapshot(), as JSON text) taken just before Enter reaches the
 * host's prompt, at most UNDO_LIMIT of them. The typed keys are kept as a KeyLog (the headless
 * runner's line format) from the fresh seeded machine, so a share link can replay them; the lines
 * the host shell accepted are kept as history, which undo does not take back (bash's history is
 * not part of the machine either).
 *
 * Share links replay on virtual time: a machine booted with the link's seed on a VirtualClock gets
 * the log typed by the headless runner, so `sleep 30` or a health check's interval cost no real
 * time; its snapshot then boots on the real clock. The digest is computed on the replayed machine.
 */
import { Machine } from '../engine/machine';
import type { MachineSnapshot } from '../engine/snapshot';
import { isMachineSnapshot } from '../engine/snapshot';
import { digestDiff, machineDigest, type DigestPart } from '../engine/digest';
import { Headless } from '../tools/headless';
import { KeyLog } from './keylog';

export const UNDO_LIMIT = 20;
/** The history kept for a restored shell (bash's HISTSIZE is 500 on Debian). */
const HISTORY_LIMIT = 500;

interface UndoEntry {
  /** The machine as JSON text (immutable, and smaller than the object graph). */
  snapshot: string;
  /** What the command was, for the button's tooltip and the notice in the terminal. */
  label: string;
  /** The log's lines after this point (kept by redo entries so a redo puts them back). */
  logLength: number;
  logTail?: string[];
}

/** What autosave keeps of the worker's side, and what a restore takes back. */
export interface SavedMachine {
  snapshot: MachineSnapshot;
  seed: number;
  log: string[];
  logExact: boolean;
  history: string[];
}

export interface KeepStats {
  undo: number;
  redo: number;
  /** Characters of JSON held by undo and redo (× 2 for bytes in a JS string). */
  undoChars: number;
  undoLabel?: string;
  redoLabel?: string;
}

export interface ReplayReport {
  same: boolean;
  differs: DigestPart[];
  lines: number;
  ms: number;
}

export class Workspace {
  log = new KeyLog();
  history: string[] = [];
  private undoStack: UndoEntry[] = [];
  private redoStack: UndoEntry[] = [];
  private listeners = new Set<(m: Machine, note: string) => void>();

  private constructor(
    public machine: Machine,
    public seed: number,
  ) {}

  static async boot(seed = 1): Promise<Workspace> {
    return new Workspace(await Machine.boot({ seed, clock: 'real' }), seed);
  }

  /** Told when another machine takes over (with a line for the terminal). */
  onReplace(fn: (m: Machine, note: string) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Keys on their way to the terminal. `atHostPrompt` is read before they arrive: an Enter at the
   * host prompt is a command about to run, so the machine is kept first.
   */
  beforeInput(data: string, atHostPrompt: boolean): void {
    const enter = /[\r\n]/.test(data);
    if (enter && atHostPrompt) {
      const before = this.log.lines.length;
      const typed = (this.log.current() + data.split(/[\r\n]/)[0]).trim();
      if (typed) this.pushUndo({ snapshot: JSON.stringify(this.machine.snapshot()), label: typed, logLength: before });
    }
    this.log.feed(data);
  }

  /** A line the host's shell accepted (its history). */
  lineRead(line: string): void {
    if (!line.trim()) return;
    this.history.push(line);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
  }

  private pushUndo(e: UndoEntry): void {
    this.undoStack.push(e);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  stats(): KeepStats {
    const chars = [...this.undoStack, ...this.redoStack].reduce((n, e) => n + e.snapshot.length, 0);
    return {
      undo: this.undoStack.length,
      redo: this.redoStack.length,
      undoChars: chars,
      undoLabel: this.undoStack.at(-1)?.label,
      redoLabel: this.redoStack.at(-1)?.label,
    };
  }

  /** Back to before the last command; undefined when there is nothing to undo. */
  async undo(): Promise<string | undefined> {
    const e = this.undoStack.pop();
    if (!e) return undefined;
    this.redoStack.push({
      snapshot: JSON.stringify(this.machine.snapshot()),
      label: e.label,
      logLength: this.log.lines.length,
      logTail: this.log.lines.slice(e.logLength),
    });
    this.log.truncate(e.logLength);
    await this.replace(JSON.parse(e.snapshot) as MachineSnapshot, `↶ ${e.label}`);
    return e.label;
  }

  async redo(): Promise<string | undefined> {
    const e = this.redoStack.pop();
    if (!e) return undefined;
    this.undoStack.push({ snapshot: JSON.stringify(this.machine.snapshot()), label: e.label, logLength: this.log.lines.length });
    this.log.truncate(this.log.lines.length);
    this.log.lines.push(...(e.logTail ?? []));
    await this.replace(JSON.parse(e.snapshot) as MachineSnapshot, `↷ ${e.label}`);
    return e.label;
  }

  /** A fresh machine with the same seed; undoable like a command. */
  async reset(note: string): Promise<void> {
    this.pushUndo({ snapshot: JSON.stringify(this.machine.snapshot()), label: 'reset', logLength: this.log.lines.length });
    const stash = this.undoStack;
    this.log = new KeyLog();
    await this.swap(await Machine.boot({ seed: this.seed, clock: 'real' }), note);
    this.undoStack = stash;
  }

  save(): SavedMachine {
    return { snapshot: this.machine.snapshot(), seed: this.seed, log: [...this.log.lines], logExact: this.log.exact, history: [...this.history] };
  }

  /** Take back a saved session. Throws (and changes nothing) when the snapshot cannot boot. */
  async restore(saved: SavedMachine, note: string): Promise<void> {
    if (!isMachineSnapshot(saved.snapshot)) throw new Error('not a machine snapshot of this version');
    const machine = await Machine.boot({ clock: 'real', snapshot: saved.snapshot });
    machine.describe(); // a snapshot that boots but cannot be read fails here, before the swap
    this.seed = saved.seed;
    this.log = new KeyLog();
    this.log.lines.push(...saved.log);
    this.log.exact = saved.logExact;
    this.history = [...saved.history];
    this.undoStack = [];
    this.redoStack = [];
    await this.swap(machine, note);
  }

  digest(): string {
    return machineDigest(this.machine);
  }

  /**
   * A share link's session: replay `log` on a fresh machine with `seed` on virtual time, then go on
   * from there on the real clock. The machine before it can be taken back with undo.
   */
  async replay(seed: number, log: string[], digest: string, note: string): Promise<ReplayReport> {
    const t0 = Date.now();
    const h = await Headless.start(seed);
    for (const line of log) {
      await h.type(line);
      h.take(); // what the replay printed is not shown: the learner sees the machine it made
    }
    const made = machineDigest(h.machine);
    const snapshot = h.machine.snapshot();
    const machine = await Machine.boot({ clock: 'real', snapshot });
    this.pushUndo({ snapshot: JSON.stringify(this.machine.snapshot()), label: 'open link', logLength: this.log.lines.length });
    const stash = this.undoStack;
    this.seed = seed;
    this.log = new KeyLog();
    this.log.lines.push(...log);
    for (const line of log) if (!line.startsWith('@') && line.trim()) this.lineRead(line);
    await this.swap(machine, note);
    this.undoStack = stash;
    const differs = digestDiff(made, digest);
    return { same: differs.length === 0, differs, lines: log.length, ms: Date.now() - t0 };
  }

  /**
   * Take a machine made elsewhere (a lesson opened at a step: its setup and earlier solutions
   * replayed); the machine before it can be taken back with undo. The typed log starts over.
   */
  async adopt(next: Machine, note: string): Promise<void> {
    this.pushUndo({ snapshot: JSON.stringify(this.machine.snapshot()), label: note, logLength: this.log.lines.length });
    const stash = this.undoStack;
    this.log = new KeyLog();
    await this.swap(next, note);
    this.undoStack = stash;
  }

  private async replace(snapshot: MachineSnapshot, note: string): Promise<void> {
    await this.swap(await Machine.boot({ clock: 'real', snapshot }), note);
  }

  private async swap(next: Machine, note: string): Promise<void> {
    const old = this.machine;
    this.machine = next;
    for (const fn of this.listeners) fn(next, note);
    old.shutdown();
  }
}
