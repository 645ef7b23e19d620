/**
 * The daemon worker: boots the engine's Machine (real clock) and exposes it over comlink.
 * Thin on purpose: no Docker behaviour here, only session bookkeeping, batching and error encoding.
 */
import './node-globals'; // first: Node globals before memfs's dependencies evaluate
import * as Comlink from 'comlink';
import { Volume } from 'memfs';
import { Machine } from '../engine/machine';
import type { TerminalSession } from '../engine/terminal';
import type { MachineEvent } from '../engine/events';
import { Batcher } from './batcher';
import { LessonHost } from './lesson-host';
import { bundledLessons } from './lessons-bundle';
import {
  fail,
  ok,
  type BootInfo,
  type DaemonApi,
  type EventsCallback,
  type OutputCallback,
  type Result,
} from './protocol';

const started = performance.now();

/** Proves memfs (and its Node polyfills) work in this bundle: write a file, read it back. */
function memfsCheck(): string {
  try {
    const vol = Volume.fromJSON({ '/etc/hostname': 'docker-lab\n' });
    vol.mkdirSync('/tmp', { recursive: true });
    vol.writeFileSync('/tmp/check', 'memfs ok');
    const back = vol.readFileSync('/tmp/check', 'utf8');
    const host = vol.readFileSync('/etc/hostname', 'utf8');
    return back === 'memfs ok' && host === 'docker-lab\n' ? 'ok' : `memfs read back ${JSON.stringify(back)}`;
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
}

let booting: Promise<{ machine: Machine; info: BootInfo }> = (async () => {
  const memfs = memfsCheck();
  const machine = await Machine.boot({ clock: 'real' });
  return { machine, info: { bootMs: Math.round(performance.now() - started), memfs } };
})();
// A failed boot is reported by every call; keep it from being an unhandled rejection here.
booting.catch(() => {});

interface Session {
  term: TerminalSession;
  out: Batcher<string>;
  unsubscribe: () => void;
  callback: OutputCallback;
  size?: [number, number];
}

const lessons = new LessonHost(bundledLessons);

/**
 * Put another machine in place of the current one: every terminal session gets a new login shell
 * on it (the page's terminal stays), event subscribers follow it and are told to redraw.
 */
async function replaceMachine(next: Machine): Promise<void> {
  const { machine: old, info } = await booting;
  booting = Promise.resolve({ machine: next, info });
  for (const s of sessions.values()) {
    s.unsubscribe();
    s.term.close();
    // A new machine: a clean screen, then its login shell's prompt.
    s.out.push('\x1b[H\x1b[2J');
    s.term = next.openTerminal();
    s.unsubscribe = s.term.onOutput((data) => s.out.push(data));
    if (s.size) s.term.resize(s.size[0], s.size[1]);
  }
  for (const sub of subscriptions.values()) {
    sub.off();
    sub.off = next.events.on((e) => sub.batcher.push(e));
    sub.batcher.push({ type: 'machine.replaced' });
  }
  // The old machine's timers (a container's loop) must not run on: stop its containers' processes.
  for (const p of old.kernel.procs.values()) {
    try {
      old.kernel.signalHost(p.info.pid, 9);
    } catch {
      /* already gone */
    }
  }
}

const sessions = new Map<number, Session>();
const subscriptions = new Map<number, { batcher: Batcher<MachineEvent>; off: () => void; callback: EventsCallback }>();
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

const api: DaemonApi = {
  async ready(): Promise<Result<BootInfo>> {
    try {
      return ok((await booting).info);
    } catch (e) {
      return fail(e);
    }
  },

  async openSession(onOutput, cols, rows) {
    try {
      const { machine } = await booting;
      const term = machine.openTerminal();
      // Flow control: the page's callback resolves once xterm has drawn the text; telling the
      // session so paces programs to what the screen can draw (engine/process/screen-gate.ts).
      const out = new Batcher<string>((chunks) => {
        const text = chunks.join('');
        deliver(onOutput, text).then(() => term.drawn(text.length));
      });
      const unsubscribe = term.onOutput((data) => out.push(data));
      const id = nextId++;
      sessions.set(id, { term, out, unsubscribe, callback: onOutput });
      if (cols > 0 && rows > 0) {
        term.resize(cols, rows);
        sessions.get(id)!.size = [cols, rows];
      }
      return ok(id);
    } catch (e) {
      return fail(e);
    }
  },

  async input(id, data) {
    let s: Session | undefined;
    try {
      s = session(id);
      s.term.input(data);
      return ok(undefined);
    } catch (e) {
      if (s) showError(s, e);
      return fail(e);
    }
  },

  async resize(id, cols, rows) {
    try {
      const s = session(id);
      s.term.resize(cols, rows);
      s.size = [cols, rows];
      return ok(undefined);
    } catch (e) {
      return fail(e);
    }
  },

  async awaitingInput(id) {
    try {
      return ok(session(id).term.awaitingInput());
    } catch (e) {
      return fail(e);
    }
  },

  async closeSession(id) {
    try {
      const s = session(id);
      sessions.delete(id);
      s.out.flush();
      s.unsubscribe();
      s.out.dispose();
      s.term.close();
      release(s.callback);
      return ok(undefined);
    } catch (e) {
      return fail(e);
    }
  },

  async describe() {
    try {
      const { machine } = await booting;
      return ok(machine.describe());
    } catch (e) {
      return fail(e);
    }
  },

  async subscribe(onEvents) {
    try {
      const { machine } = await booting;
      const batcher = new Batcher<MachineEvent>((events) => call(onEvents, events), 50);
      const off = machine.events.on((e) => batcher.push(e));
      const id = nextId++;
      subscriptions.set(id, { batcher, off, callback: onEvents });
      return ok(id);
    } catch (e) {
      return fail(e);
    }
  },

  async readFile(path) {
    try {
      return ok((await booting).machine.readFile(path));
    } catch (e) {
      return fail(e);
    }
  },

  async writeFile(path, text) {
    try {
      return ok((await booting).machine.writeFile(path, text));
    } catch (e) {
      return fail(e);
    }
  },

  async listFiles() {
    try {
      return ok((await booting).machine.listFiles());
    } catch (e) {
      return fail(e);
    }
  },

  async httpGet(url) {
    try {
      return ok(await (await booting).machine.httpGet(url));
    } catch (e) {
      return fail(e);
    }
  },

  async httpRequest(url, req) {
    try {
      return ok(await (await booting).machine.httpRequest(url, req));
    } catch (e) {
      return fail(e);
    }
  },

  async lessonCatalog() {
    try {
      return ok(bundledLessons());
    } catch (e) {
      return fail(e);
    }
  },

  async lessonOpen(id, step, lang) {
    try {
      const { machine, lesson, facts } = await lessons.prepare(id, step);
      await replaceMachine(machine);
      lessons.attach(machine, lesson, Math.max(0, Math.min(step, lesson.steps.length - 1)), facts);
      return ok((await lessons.status(lang))!);
    } catch (e) {
      return fail(e);
    }
  },

  async lessonStatus(lang) {
    try {
      return ok(await lessons.status(lang));
    } catch (e) {
      return fail(e);
    }
  },

  async lessonClose() {
    try {
      lessons.detach();
      return ok(undefined);
    } catch (e) {
      return fail(e);
    }
  },

  async unsubscribe(id) {
    try {
      const sub = subscriptions.get(id);
      if (sub) {
        subscriptions.delete(id);
        sub.off();
        sub.batcher.dispose();
        release(sub.callback);
      }
      return ok(undefined);
    } catch (e) {
      return fail(e);
    }
  },
};

Comlink.expose(api);
