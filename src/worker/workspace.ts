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
 * The log starts from a base: a fresh seeded machine, or a lesson opened at a step (its setup and
 * earlier solutions replayed). Share links replay the base and the log on virtual time, so `sleep
 * 30` or a health check's interval cost no real time; its snapshot then boots on the real clock.
 * When a replay would not make this machine (a key the line format cannot hold, a restored
 * session whose base is unknown, a run that depends on timing), the link carries the snapshot
 * instead (see share.ts). Machines taken back from a snapshot start again the containers that were
 * running (Machine.boot's `resume`).
 */
import { Machine } from '../engine/machine';
import type { MachineSnapshot } from '../engine/snapshot';
import { isMachineSnapshot } from '../engine/snapshot';
import { digestDiff, machineDigest, type DigestPart } from '../engine/digest';
import { KeyLog } from './keylog';
import { replayBase, type Base, type LessonReplayer, type SnapshotReason } from './share';
import { dockerClient } from '../cli/client';

export const UNDO_LIMIT = 20;
/** The history kept for a restored shell (bash's HISTSIZE is 500 on Debian). */
const HISTORY_LIMIT = 500;

interface UndoEntry {
  /** The machine as JSON text (immutable, and smaller than the object graph). */
  snapshot: string;
  /** What the command was, for the button's tooltip and the notice in the terminal. */
  label: string;
  /** Where the typed log starts, and the log up to this point (a share link after undo replays it). */
  base: Base;
  log: string[];
  exact: boolean;
}

/** What autosave keeps of the worker's side, and what a restore takes back. */
export interface SavedMachine {
  snapshot: MachineSnapshot;
  seed: number;
  /** Where `log` starts (absent in sessions saved before bases were kept: unknown). */
  base?: Base;
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
  /** The link carried a snapshot of the machine rather than a log to replay. */
  fromSnapshot: boolean;
}

/** A shared machine: how to make it (a base and a log, or a snapshot) and the digest it had. */
export interface SharedMachine {
  seed: number;
  base: Base;
  log: string[];
  snapshot?: MachineSnapshot;
  digest: string;
}

export class Workspace {
  log = new KeyLog();
  history: string[] = [];
  base: Base = { kind: 'seed' };
  private undoStack: UndoEntry[] = [];
  private redoStack: UndoEntry[] = [];
  private listeners = new Set<(m: Machine, note: string) => void>();
  /** Replays a lesson's start at a step (set by the worker, which holds the lessons). */
  lessonReplayer?: LessonReplayer;

  private constructor(
    public machine: Machine,
    public seed: number,
  ) {}

  static async boot(seed = 1): Promise<Workspace> {
    // dockerd's code loads after the prompt (or at the first command that needs it): issue 16.
    return new Workspace(await Machine.boot({ client: dockerClient, seed, clock: 'real', lazyDaemon: true }), seed);
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
      const typed = (this.log.current() + data.split(/[\r\n]/)[0]).trim();
      if (typed) this.pushUndo(this.point(typed));
    }
    this.log.feed(data);
  }

  /** A line the host's shell accepted (its history). */
  lineRead(line: string): void {
    if (!line.trim()) return;
    this.history.push(line);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
  }

  /** This moment as an undo (or redo) point. */
  private point(label: string): UndoEntry {
    return { snapshot: JSON.stringify(this.machine.snapshot()), label, base: this.base, log: [...this.log.lines], exact: this.log.exact };
  }

  private pushUndo(e: UndoEntry): void {
    this.undoStack.push(e);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  private startLog(base: Base, lines: string[] = [], exact = true): void {
    this.base = base;
    this.log = new KeyLog();
    this.log.lines.push(...lines);
    this.log.exact = exact;
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
    this.redoStack.push(this.point(e.label));
    await this.takeBack(e, `↶ ${e.label}`);
    return e.label;
  }

  async redo(): Promise<string | undefined> {
    const e = this.redoStack.pop();
    if (!e) return undefined;
    this.undoStack.push(this.point(e.label));
    await this.takeBack(e, `↷ ${e.label}`);
    return e.label;
  }

  private async takeBack(e: UndoEntry, note: string): Promise<void> {
    const machine = await Machine.boot({ client: dockerClient, clock: 'real', snapshot: JSON.parse(e.snapshot) as MachineSnapshot, resume: true });
    this.startLog(e.base, e.log, e.exact);
    await this.swap(machine, note);
  }

  /** A fresh machine with the same seed; undoable like a command. */
  async reset(note: string): Promise<void> {
    const machine = await Machine.boot({ client: dockerClient, seed: this.seed, clock: 'real' });
    this.pushUndo(this.point('reset'));
    this.startLog({ kind: 'seed' });
    await this.swap(machine, note);
  }

  save(): SavedMachine {
    return { snapshot: this.machine.snapshot(), seed: this.seed, base: this.base, log: [...this.log.lines], logExact: this.log.exact, history: [...this.history] };
  }

  /** Take back a saved session. Throws (and changes nothing) when the snapshot cannot boot. */
  async restore(saved: SavedMachine, note: string): Promise<void> {
    if (!isMachineSnapshot(saved.snapshot)) throw new Error('not a machine snapshot of this version');
    const machine = await Machine.boot({ client: dockerClient, clock: 'real', snapshot: saved.snapshot, resume: true });
    machine.describe(); // a snapshot that boots but cannot be read fails here, before the swap
    this.seed = saved.seed;
    this.startLog(saved.base ?? { kind: 'saved' }, saved.log, saved.logExact);
    this.history = [...saved.history];
    this.undoStack = [];
    this.redoStack = [];
    await this.swap(machine, note);
  }

  async digest(): Promise<string> {
    await this.machine.dockerd();
    return machineDigest(this.machine);
  }

  /**
   * A share link's session: its snapshot, or its base and log replayed on virtual time, then on
   * from there on the real clock. The machine before it can be taken back with undo.
   */
  async open(link: SharedMachine, note: string): Promise<ReplayReport> {
    const t0 = Date.now();
    let machine: Machine;
    let made: string;
    if (link.snapshot) {
      machine = await Machine.boot({ client: dockerClient, clock: 'real', snapshot: link.snapshot, resume: true });
      made = machineDigest(machine);
    } else {
      const replayed = await replayBase(link.base, link.seed, link.log, this.lessonReplayer);
      made = machineDigest(replayed);
      machine = await Machine.boot({ client: dockerClient, clock: 'real', snapshot: replayed.snapshot(), resume: true });
      replayed.shutdown();
    }
    this.pushUndo(this.point('open link'));
    this.seed = link.seed;
    this.startLog(link.snapshot ? { kind: 'saved' } : link.base, link.snapshot ? [] : link.log);
    for (const line of link.log) if (!line.startsWith('@') && line.trim()) this.lineRead(line);
    await this.swap(machine, note);
    const differs = digestDiff(made, link.digest);
    return { same: differs.length === 0, differs, lines: link.log.length, ms: Date.now() - t0, fromSnapshot: !!link.snapshot };
  }

  /** The link's form of this session: its base and log when they replay to this machine, else a snapshot. */
  async shared(): Promise<SharedMachine & { why?: SnapshotReason }> {
    const digest = await this.digest();
    const plain = { seed: this.seed, base: this.base, log: [...this.log.lines], digest };
    const why =
      !this.log.exact ? ('keys' as const)
      : this.base.kind === 'saved' ? ('restored' as const)
      : undefined;
    if (!why) {
      const replayed = await replayBase(this.base, this.seed, plain.log, this.lessonReplayer).catch(() => undefined);
      const same = replayed && machineDigest(replayed) === digest;
      replayed?.shutdown();
      if (same) return plain;
    }
    return { ...plain, log: [], snapshot: this.machine.snapshot(), why: why ?? 'differs' };
  }

  /**
   * Take a machine made elsewhere (a lesson opened at a step: its setup and earlier solutions
   * replayed); the machine before it can be taken back with undo. The typed log starts over.
   */
  async adopt(next: Machine, note: string, base: Base = { kind: 'saved' }): Promise<void> {
    this.pushUndo(this.point(note));
    this.startLog(base);
    await this.swap(next, note);
  }

  private async swap(next: Machine, note: string): Promise<void> {
    const old = this.machine;
    this.machine = next;
    for (const fn of this.listeners) fn(next, note);
    old.shutdown();
  }
}
