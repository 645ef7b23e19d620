/**
 * POST /containers/{id}/attach: the container's output to the client and the client's input to the
 * container, or with `-it` the two terminals linked with the detach keys watched (moby's
 * daemon/attach.go and the CLI's hijacked connection in one). A function of the container service
 * (`this`), see containers.ts.
 */
import type { ContainerService } from './containers';
import type { LogEntry } from '../container/container';
import { LogPacer } from '../container/log-pacer';
import { Pty } from '../process/pty';
import type { ReadStream } from '../process/types';
import { containerEvent } from './event-log';

/**
 * Attach to the container's streams. When the caller's stdin is itself a terminal and the
 * container has one (`-it`), the two terminals are linked: keys go straight to the container's
 * pty and its screen comes back, as the real client does in raw mode. Ctrl-P Ctrl-Q (or the
 * given detach keys) detaches and leaves the container running.
 */
export function attach(this: ContainerService, 
  ref: string,
  opts: { stdin?: ReadStream; onOutput: (stream: 'stdout' | 'stderr', data: string) => Promise<void> | void; detachKeys?: string; nudgeSize?: boolean },
): { detach(): void; detached: Promise<void>; drain?: () => Promise<void> } {
  const c = this.get(ref);
  containerEvent(this.d.events, c, 'attach');
  let stopped = false;
  let onDetached: () => void = () => {};
  const detached = new Promise<void>((r) => (onDetached = r));
  const hostTty = terminalOf(opts.stdin);
  if (hostTty instanceof Pty && c.config.Tty) {
    const keys = parseDetachKeys(opts.detachKeys ?? 'ctrl-p,ctrl-q');
    let matched = 0;
    let unlink: () => void = () => {};
    const link = (pty: Pty) => {
      unlink();
      unlink = hostTty.link(pty, (data) => {
        // Hold back a partial detach sequence; pass everything else through.
        let out = '';
        for (const ch of data) {
          if (ch === keys[matched]) {
            matched++;
            if (matched === keys.length) {
              matched = 0;
              stop();
              onDetached();
              return out;
            }
            continue;
          }
          out += keys.slice(0, matched).join('') + ch;
          matched = 0;
        }
        return out;
      });
    };
    const stop = () => {
      if (stopped) return;
      stopped = true;
      unlink();
      offStart();
    };
    // The pty is made at start; link now if it exists, else when the container starts. The
    // link ends when that run of the container ends.
    const linkRun = () => {
      if (!c.pty || stopped) return;
      link(c.pty);
      // docker attach's resizeTTY: a size change makes the program at the prompt redraw it.
      if (opts.nudgeSize) {
        const { cols, rows } = c.pty;
        c.pty.resize(cols + 1, rows + 1);
        c.pty.resize(cols, rows);
      }
      void c.waitExit().then(() => {
        if (!c.running) stop();
      });
    };
    if (c.running) linkRun();
    const offStart = this.onStart(c, linkRun);
    return { detach: stop, detached };
  }
  const pacer = new LogPacer();
  const off = c.onLog((e: LogEntry) => pacer.add(e.data.length, () => opts.onOutput(e.stream, e.data)));
  const offGate = c.addLogGate(pacer.gate);
  // Ending the attachment withdraws the pending read, so the next line typed goes to whoever
  // reads the terminal after it (the shell), not into a container nobody is attached to.
  const reading = new AbortController();
  if (opts.stdin) {
    const input = opts.stdin;
    void (async () => {
      for (;;) {
        if (stopped) return;
        const chunk = await input.read(reading.signal).catch(() => (stopped ? undefined : null));
        if (stopped || chunk === undefined) return;
        if (chunk === null) {
          c.stdinWriter?.close();
          return;
        }
        if (c.pty) c.pty.input(new TextDecoder().decode(chunk));
        else if (c.stdinWriter) await c.stdinWriter.write(chunk).catch(() => {});
      }
    })();
  }
  return {
    detach() {
      stopped = true;
      reading.abort();
      off();
      offGate();
      pacer.close();
    },
    detached,
    /** Resolves once everything written so far has reached onOutput. */
    drain: () => pacer.drain(),
  };
}

/** The terminal behind a stream, looking through wrappers (the shell's pushback reader). */
export function terminalOf(s: ReadStream | undefined): Pty | undefined {
  for (let cur = s as (ReadStream & { tty?: unknown; inner?: ReadStream }) | undefined, i = 0; cur && i < 64; i++) {
    if (cur.tty instanceof Pty) return cur.tty;
    cur = cur.inner as typeof cur;
  }
  return undefined;
}

/** `ctrl-p,ctrl-q` → the bytes a terminal sends for them. */
export function parseDetachKeys(spec: string): string[] {
  return spec.split(',').map((k) => {
    const m = /^ctrl-(.)$/.exec(k.trim());
    if (m) {
      const ch = m[1];
      if (ch === '@') return '\x00';
      if (ch === '[') return '\x1b';
      if (ch === '\\') return '\x1c';
      if (ch === ']') return '\x1d';
      if (ch === '^') return '\x1e';
      if (ch === '_') return '\x1f';
      return String.fromCharCode(ch.toLowerCase().charCodeAt(0) - 96);
    }
    return k.trim();
  });
}
