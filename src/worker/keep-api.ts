/**
 * The worker's methods for keeping work (undo/redo/reset, autosave, share links), apart from the
 * terminal and picture methods in daemon.worker.ts. Every call answers a Result, as there.
 */
import type { TerminalSession } from '../engine/terminal';
import { attempt, type KeepApi } from './protocol';
import type { SavedMachine, Workspace } from './workspace';

export function keepApi(workspace: () => Promise<Workspace>, terminal: (id: number) => { term: TerminalSession }): KeepApi {
  return {
    keepStats: () => attempt(async () => (await workspace()).stats()),
    undo: () => attempt(async () => (await (await workspace()).undo()) ?? null),
    redo: () => attempt(async () => (await (await workspace()).redo()) ?? null),
    reset: (note) =>
      attempt(async () => {
        await (await workspace()).reset(note);
      }),
    undoKey: (id) =>
      attempt(async () => {
        const ws = await workspace();
        const s = terminal(id);
        if (!s.term.atHostPrompt()) {
          ws.beforeInput('\x1a', false);
          s.term.input('\x1a');
          return 'passed' as const;
        }
        return (await ws.undo()) === undefined ? ('nothing' as const) : ('undone' as const);
      }),
    saveMachine: () => attempt(async () => JSON.stringify((await workspace()).save())),
    restoreMachine: (json, note) =>
      attempt(async () => {
        await (await workspace()).restore(JSON.parse(json) as SavedMachine, note);
      }),
    shareState: () => attempt(async () => await (await workspace()).shared()),
    openShared: (link, note) => attempt(async () => await (await workspace()).open(link, note)),
  };
}
