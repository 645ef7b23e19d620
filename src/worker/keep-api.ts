/**
 * The worker's methods for keeping work (undo/redo/reset, autosave, share links), apart from the
 * terminal and picture methods in daemon.worker.ts. Every call answers a Result, as there.
 */
import type { TerminalSession } from '../engine/terminal';
import { fail, ok, type KeepApi } from './protocol';
import type { SavedMachine, Workspace } from './workspace';

export function keepApi(workspace: () => Promise<Workspace>, terminal: (id: number) => { term: TerminalSession }): KeepApi {
  return {
    async keepStats() {
      try {
        return ok((await workspace()).stats());
      } catch (e) {
        return fail(e);
      }
    },
    async undo() {
      try {
        return ok((await (await workspace()).undo()) ?? null);
      } catch (e) {
        return fail(e);
      }
    },
    async redo() {
      try {
        return ok((await (await workspace()).redo()) ?? null);
      } catch (e) {
        return fail(e);
      }
    },
    async reset(note) {
      try {
        await (await workspace()).reset(note);
        return ok(undefined);
      } catch (e) {
        return fail(e);
      }
    },
    async undoKey(id) {
      try {
        const ws = await workspace();
        const s = terminal(id);
        if (!s.term.atHostPrompt()) {
          ws.beforeInput('\x1a', false);
          s.term.input('\x1a');
          return ok('passed' as const);
        }
        return ok((await ws.undo()) === undefined ? ('nothing' as const) : ('undone' as const));
      } catch (e) {
        return fail(e);
      }
    },
    async saveMachine() {
      try {
        return ok(JSON.stringify((await workspace()).save()));
      } catch (e) {
        return fail(e);
      }
    },
    async restoreMachine(json, note) {
      try {
        await (await workspace()).restore(JSON.parse(json) as SavedMachine, note);
        return ok(undefined);
      } catch (e) {
        return fail(e);
      }
    },
    async shareState() {
      try {
        return ok(await (await workspace()).shared());
      } catch (e) {
        return fail(e);
      }
    },
    async openShared(link, note) {
      try {
        return ok(await (await workspace()).open(link, note));
      } catch (e) {
        return fail(e);
      }
    },
  };
}
