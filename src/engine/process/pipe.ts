/**
 * pipe(2) in memory. A Pipe is a byte queue with two ends: the writer's `write` resolves once the
 * queue holds less than PIPE_BUF_HIGH bytes (the real kernel's pipe is 64 KiB), so a fast producer
 * (`yes`) waits for a slow consumer instead of filling memory; closing the writer gives the reader
 * EOF (null) once the queue is drained; closing the reader makes every pending and later write
 * throw EpipeError (the kernel turns that into SIGPIPE). Reads take an AbortSignal so a killed
 * reader never hangs.
 */
import { EpipeError, type ReadStream, type WriteStream } from './types';
import { concatBytes } from '../../lib/bytes';

export const PIPE_BUF_HIGH = 64 * 1024;

const encoder = new TextEncoder();

export function toBytes(chunk: string | Uint8Array): Uint8Array {
  return typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class Pipe {
  readonly reader: ReadStream;
  readonly writer: WriteStream;
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private writerClosed = false;
  private readerClosed = false;
  private readWaiters: Waiter[] = [];
  private writeWaiters: Waiter[] = [];

  constructor(opts: { isTTY?: boolean } = {}) {
    const isTTY = opts.isTTY ?? false;
    this.reader = {
      read: (signal) => this.read(signal),
      isTTY,
      close: () => this.closeReader(),
    };
    this.writer = {
      write: (chunk) => this.write(chunk),
      isTTY,
      close: () => this.closeWriter(),
    };
  }

  /** Bytes waiting to be read (for tests and `ps`-like views). */
  get size(): number {
    return this.buffered;
  }

  private async read(signal?: AbortSignal): Promise<Uint8Array | null> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      if (this.chunks.length) {
        const c = this.chunks.shift()!;
        this.buffered -= c.length;
        this.wakeWriters();
        return c;
      }
      if (this.writerClosed || this.readerClosed) return null;
      await this.wait(this.readWaiters, signal);
    }
  }

  private async write(chunk: string | Uint8Array): Promise<void> {
    if (this.readerClosed) throw new EpipeError();
    if (this.writerClosed) throw new Error('write after close');
    if (chunk.length === 0) return;
    // Copy bytes the caller handed over: it may reuse its buffer after the write resolves. A
    // string's encoding is already a fresh buffer.
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk.slice();
    this.chunks.push(bytes);
    this.buffered += bytes.length;
    this.wakeAll(this.readWaiters);
    while (this.buffered >= PIPE_BUF_HIGH) {
      if (this.readerClosed) throw new EpipeError();
      await this.wait(this.writeWaiters);
    }
    if (this.readerClosed && this.buffered > 0) throw new EpipeError();
  }

  private closeWriter(): void {
    if (this.writerClosed) return;
    this.writerClosed = true;
    this.wakeAll(this.readWaiters);
  }

  private closeReader(): void {
    if (this.readerClosed) return;
    this.readerClosed = true;
    // Unread data is discarded, as the kernel frees the pipe buffer when the last reader goes.
    this.chunks = [];
    this.buffered = 0;
    this.wakeAll(this.readWaiters);
    const ws = this.writeWaiters;
    this.writeWaiters = [];
    for (const w of ws) w.reject(new EpipeError());
  }

  private wakeWriters(): void {
    if (this.buffered < PIPE_BUF_HIGH) this.wakeAll(this.writeWaiters);
  }

  private wakeAll(list: Waiter[]): void {
    const ws = list.splice(0);
    for (const w of ws) w.resolve();
  }

  private wait(list: Waiter[], signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const i = list.indexOf(w);
        if (i >= 0) list.splice(i, 1);
        reject(signal!.reason);
      };
      const w: Waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      };
      list.push(w);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/**
 * A reader that can give bytes back. The shell's `read` builtin takes one line from a chunk and
 * must leave the rest for the next command (a real `read` reads byte by byte to get the same effect).
 */
export class PushbackReader implements ReadStream {
  private pending: Uint8Array[] = [];
  constructor(readonly inner: ReadStream) {}
  get isTTY(): boolean {
    return this.inner.isTTY;
  }
  unread(bytes: Uint8Array): void {
    if (bytes.length) this.pending.unshift(bytes);
  }
  async read(signal?: AbortSignal): Promise<Uint8Array | null> {
    if (signal?.aborted) throw signal.reason;
    if (this.pending.length) return this.pending.shift()!;
    return this.inner.read(signal);
  }
  close(): void {
    this.inner.close();
  }
}

/**
 * Read one line (bytes up to and including '\n') from a PushbackReader, leaving what follows in
 * it. Returns null at EOF with nothing read.
 */
export async function readLineBytes(stream: PushbackReader, signal?: AbortSignal): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const c = await stream.read(signal);
    if (c === null) break;
    const i = c.indexOf(10);
    if (i >= 0) {
      parts.push(c.subarray(0, i + 1));
      stream.unread(c.subarray(i + 1));
      break;
    }
    parts.push(c);
  }
  if (!parts.length) return null;
  return concatBytes(parts);
}
