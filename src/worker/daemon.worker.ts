/**
 * The daemon worker: boots the engine's Machine (real clock) and exposes it over comlink.
 * Thin on purpose: no Docker behaviour here, only session bookkeeping, batching and error encoding.
 */
import './node-globals'; // first: Node globals before memfs's dependencies evaluate
import * as Comlink from 'comlink';
import { MutableLayer } from '../engine/fs/layer';
import { prefetchLazyPrograms } from '../engine/programs/registry';
import { dockerClient } from '../cli/client';
import type { Machine } from '../engine/machine';
import type { TerminalSession } from '../engine/terminal';
import { Workspace } from './workspace';
import { keepApi } from './keep-api';
import type { MachineEvent } from '../engine/events';
import { Batcher } from './batcher';
import type { LessonHost } from './lesson-host';
import { bundledLessons } from './lessons-bundle';
import {
  attempt, fail,
  ok,
  type BootInfo,
  type WorkerApi,
  type KeepApi,
  type EventsCallback,
  type OutputCallback,
  type Result,
} from './protocol';

const started = performance.now();

/** Proves the layer store (memfs's core and its Node polyfills) works in this bundle: write a file, read it back. */
function memfsCheck(): string {
  try {
    const layer = new MutableLayer();
    layer.mkdir('/etc');
    layer.writeFile('/etc/hostname', new TextEncoder().encode('docker-lab\n'));
    layer.writeFile('/etc/hostname', new TextEncoder().encode('ok'), { append: true });
    const back = new TextDecoder().decode(layer.readFile('/etc/hostname'));
    return back === 'docker-lab\nok' ? 'ok' : `memfs read back ${JSON.stringify(back)}`;
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
}

const booting: Promise<{ ws: Workspace; info: BootInfo }> = (async () => {
  const memfs = memfsCheck();
  const ws = await Workspace.boot();
  ws.lessonReplayer = (id, step) => lessons().then((host) => host.replayAt(id, step));
  // Undo, reset, a restored session or a link put another machine in: re-attach everything to it.
  ws.onReplace((m, note) => {
    lessonHost?.follow(m);
    for (const s of sessions.values()) attachTerminal(s, m, ws, `\x1b[2m[${note}]\x1b[0m\r\n`);
    for (const sub of subscriptions.values()) {
      sub.off();
      sub.off = m.events.on((e) => sub.batcher.push(e));
      sub.batcher.push({ type: 'machine.replaced' });
    }
  });
  return { ws, info: { bootMs: Math.round(performance.now() - started), memfs } };
})();
/** The machine in use now (it changes on undo, reset, restore and links). */
async function current(): Promise<Machine> {
  return (await booting).ws.machine;
}
// A failed boot is reported by every call; keep it from being an unhandled rejection here.
booting.catch(() => {});


/**
 * The lesson host (checking a lesson's goals, replaying its steps: the lesson conditions, the
 * CLI's command tree they parse with and the headless runner) is a chunk of its own, loaded with
 * the first lesson call or the prefetch after the prompt (issue 16). Before it is loaded no lesson
 * is attached, so there is nothing for it to follow.
 */
let lessonHost: LessonHost | undefined;
let lessonHostLoading: Promise<LessonHost> | undefined;
function lessons(): Promise<LessonHost> {
  return (lessonHostLoading ??= import('./lesson-host').then(
    (m) => (lessonHost = new m.LessonHost(bundledLessons)),
    (e: unknown) => {
      lessonHostLoading = undefined;
      throw e;
    },
  ));
}

interface Session {
  term: TerminalSession;
  out: Batcher<string>;
  unsubscribe: () => void;
  callback: OutputCallback;
  cols: number;
  rows: number;
}

/** Open the learner's terminal on `machine` for a session (closing the one it had). */
function attachTerminal(s: Session, machine: Machine, ws: Workspace, notice = ''): void {
  s.unsubscribe();
  s.term.close();
  if (notice) s.out.push(notice);
  const term = machine.openTerminal({ history: ws.history });
  const offOut = term.onOutput((data) => s.out.push(data));
  const offLine = term.onLine((line) => ws.lineRead(line));
  s.term = term;
  s.unsubscribe = () => {
    offOut();
    offLine();
  };
  if (s.cols > 0 && s.rows > 0) term.resize(s.cols, s.rows);
}

const sessions = new Map<number, Session>();
/** Resolves when the page has drawn a terminal's first output (the prompt is on screen). */
let firstOutputDrawn!: () => void;
const firstDrawn = new Promise<void>((r) => (firstOutputDrawn = r));
/**
 * The lessons (their text and the YAML parser) are not needed for the prompt: load them once the
 * page has drawn it, or a while after boot on a page without a terminal (issue 16).
 */
const promptShown = Promise.race([firstDrawn, booting.then(() => {}, () => {}).then(() => new Promise((r) => setTimeout(r, 3000)))]);
async function lessonsAfterPrompt() {
  await promptShown;
  return bundledLessons();
}

// The heavy programs, compose and the lessons are chunks loaded on first use (issue 16). A moment
// after the prompt is up, fetch them in the background, so a first `python3` has no visible pause.
const PREFETCH_AFTER_PROMPT_MS = 1500;
// dockerd's code is not needed for the prompt: it loads as soon as the prompt is up, so that the
// first docker command does not wait for it (Machine's lazyDaemon).
void promptShown.then(() => current().then((m) => m.dockerd())).catch(() => {});
void promptShown.then(() => setTimeout(() => {
  void prefetchLazyPrograms();
  void dockerClient.prefetch?.();
  void import('../cli/compose/index').catch(() => {});
  void bundledLessons().catch(() => {});
  void lessons().catch(() => {});
}, PREFETCH_AFTER_PROMPT_MS));
const subscriptions = new Map<number, { batcher: Batcher<MachineEvent>; off: () => void; callback: EventsCallback }>();
const keep = keepApi(async () => (await booting).ws, (id) => session(id));
let nextId = 1;

/** Calls a comlink-proxied callback; a page that went away must not crash the worker. */
function call<A>(fn: (a: A) => unknown, arg: A): void {
  try {
    const r = fn(arg);
    if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch(() => {});
  } catch {
    /* the page is gone */
  }
}

/** Like `call`, but resolves when the page's callback has finished (never rejects). */
function deliver<A>(fn: (a: A) => unknown, arg: A): Promise<void> {
  try {
    return Promise.resolve(fn(arg)).then(
      () => {},
      () => {},
    );
  } catch {
    return Promise.resolve();
  }
}

function release(fn: unknown): void {
  const r = (fn as Record<symbol, unknown>)[Comlink.releaseProxy];
  if (typeof r === 'function') {
    try {
      (r as () => void).call(fn);
    } catch {
      /* already released */
    }
  }
}

/** An engine failure while handling a key is shown in the terminal, not lost in the console. */
function showError(s: Session, e: unknown): void {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  s.out.push(`\r\n\x1b[31m[simulator error] ${msg.replace(/\n/g, '\r\n')}\x1b[0m\r\n`);
}

function session(id: number): Session {
  const s = sessions.get(id);
  if (!s) throw new Error(`no terminal session ${id}`);
  return s;
}

const api: Omit<WorkerApi, keyof KeepApi> = {
  async ready(): Promise<Result<BootInfo>> {
    try {
      return ok((await booting).info);
    } catch (e) {
      return fail(e);
    }
  },

  openSession: (onOutput, cols, rows) =>
    attempt(async () => {
      const { ws } = await booting;
      const term = ws.machine.openTerminal({ history: ws.history });
      // Flow control: the page's callback resolves once xterm has drawn the text; telling the
      // session so paces programs to what the screen can draw (engine/process/screen-gate.ts).
      // The session's terminal changes when the machine is swapped: acknowledge to the current one.
      const holder: { s?: Session } = {};
      const out = new Batcher<string>((chunks) => {
        const text = chunks.join('');
        const t = holder.s?.term ?? term;
        deliver(onOutput, text).then(() => {
          t.drawn(text.length);
          firstOutputDrawn();
        });
      });
      const offOut = term.onOutput((data) => out.push(data));
      const offLine = term.onLine((line) => ws.lineRead(line));
      const unsubscribe = () => {
        offOut();
        offLine();
      };
      const id = nextId++;
      holder.s = { term, out, unsubscribe, callback: onOutput, cols, rows };
      sessions.set(id, holder.s);
      if (cols > 0 && rows > 0) term.resize(cols, rows);
      return id;
    }),

  async input(id, data) {
    let s: Session | undefined;
    try {
      s = session(id);
      (await booting).ws.beforeInput(data, s.term.atHostPrompt());
      s.term.input(data);
      return ok(undefined);
    } catch (e) {
      if (s) showError(s, e);
      return fail(e);
    }
  },

  resize: (id, cols, rows) =>
    attempt(async () => {
      const s = session(id);
      s.cols = cols;
      s.rows = rows;
      s.term.resize(cols, rows);
    }),

  awaitingInput: (id) => attempt(async () => session(id).term.awaitingInput()),

  closeSession: (id) =>
    attempt(async () => {
      const s = session(id);
      sessions.delete(id);
      s.out.flush();
      s.unsubscribe();
      s.out.dispose();
      s.term.close();
      release(s.callback);
    }),

  describe: () =>
    attempt(async () => {
      const m = await current();
      await m.dockerd(); // the pictures show dockerd's objects: start it if it has not
      return m.describe();
    }),

  subscribe: (onEvents) =>
    attempt(async () => {
      const machine = await current();
      const batcher = new Batcher<MachineEvent>((events) => call(onEvents, events), 50);
      const off = machine.events.on((e) => batcher.push(e));
      const id = nextId++;
      subscriptions.set(id, { batcher, off, callback: onEvents });
      return id;
    }),

  readFile: (path) => attempt(async () => (await current()).readFile(path)),

  writeFile: (path, text) => attempt(async () => (await current()).writeFile(path, text)),

  listFiles: () => attempt(async () => (await current()).listFiles()),

  httpGet: (url) => attempt(async () => await (await current()).httpGet(url)),

  httpRequest: (url, req) => attempt(async () => await (await current()).httpRequest(url, req)),

  lessonCatalog: () => attempt(async () => await lessonsAfterPrompt()),

  lessonOpen: (id, step, lang) =>
    attempt(async () => {
      const host = await lessons();
      const { machine, lesson, facts } = await host.prepare(id, step);
      const { ws } = await booting;
      const at = Math.max(0, Math.min(step, lesson.steps.length - 1));
      await ws.adopt(machine, lang === 'zh' ? `课程 ${id}，第 ${step + 1} 步` : `lesson ${id}, step ${step + 1}`, { kind: 'lesson', id, step: at });
      host.attach(machine, lesson, at, facts);
      return (await host.status(lang))!;
    }),

  lessonAttach: (id, step, lang) =>
    attempt(async () => {
      const lesson = (await bundledLessons()).find((l) => l.id === id);
      if (!lesson) throw new Error(`no lesson ${id}`);
      const host = await lessons();
      host.attach(await current(), lesson, Math.max(0, Math.min(step, lesson.steps.length - 1)));
      return (await host.status(lang))!;
    }),

  lessonStatus: (lang) => attempt(async () => await lessonHost?.status(lang)),

  lessonClose: () =>
    attempt(async () => {
      lessonHost?.detach();
    }),

  unsubscribe: (id) =>
    attempt(async () => {
      const sub = subscriptions.get(id);
      if (sub) {
        subscriptions.delete(id);
        sub.off();
        sub.batcher.dispose();
        release(sub.callback);
      }
    }),
};

Comlink.expose({ ...api, ...keep } satisfies WorkerApi);
