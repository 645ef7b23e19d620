/**
 * A process's standard streams tied to its life (see guardReader): what the kernel hands a program
 * at spawn and exec.
 */
import type { Proc } from './proc';
import { Terminated, type ReadStream, type WriteStream } from './types';

/**
 * A stream wrapper that ties every read of a process's stdin to the process's life. A program that
 * reads without a signal (a y/N prompt, `docker build -` collecting a Dockerfile), or whose reading
 * helper outlives it (the copy loop of `docker run -i`), would otherwise leave a reader queued on
 * the terminal; the terminal hands the next typed line to the first reader in its queue, so that
 * line would vanish. When the process ends, its pending reads are withdrawn and reject.
 */
export function guardReader(proc: Proc, r: ReadStream): ReadStream {
  const g = r as { guarded?: Proc; inner?: ReadStream };
  if (g.guarded === proc) return r;
  // Another process's guard (the parent's stdin, handed down): guard what it wraps instead.
  if (g.guarded && g.inner) r = g.inner;
  const guarded: ReadStream & { guarded: Proc; inner: ReadStream } = {
    guarded: proc,
    inner: r,
    isTTY: r.isTTY,
    read(signal) {
      const own = proc.endSignal;
      if (own.aborted) return Promise.reject(own.reason);
      return r.read(signal ? AbortSignal.any([signal, own]) : own);
    },
    close: () => r.close(),
  };
  return guarded;
}

/**
 * A stream wrapper that stops a dead process's leftover code from writing. A child is handed its
 * parent's (guarded) streams; it wraps the stream underneath, since a descriptor stays open in the
 * child after the parent exits (the processes of a fork bomb, a `( … ) &` job).
 */
export function guardWriter(proc: Proc, w: WriteStream): WriteStream {
  const under = (w as { unguarded?: WriteStream }).unguarded;
  if (under) w = under;
  return {
    unguarded: w,
    isTTY: w.isTTY,
    async write(chunk) {
      if (!proc.alive) throw proc.signal.reason ?? new Terminated(9);
      // A stopped (paused) process makes no progress: its output waits until it is resumed.
      if (proc.info.state === 'stopped') await proc.checkpoint();
      return w.write(chunk);
    },
    close: () => w.close(),
  } as WriteStream;
}
