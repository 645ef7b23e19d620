/**
 * A program's standard streams, as file descriptors are to a Linux binary: what the kernel's pipes
 * and terminals implement and what every program, the docker client among them, reads and writes.
 */

/** Thrown out of waits when the process is being terminated; programs should let it propagate. */
export class Terminated extends Error {
  constructor(readonly signal: number) {
    super(`terminated by signal ${signal}`);
    this.name = 'Terminated';
  }
}

export interface ReadStream {
  /** Next chunk, or null at end of file. Rejects with Terminated if the reader's process is killed. */
  read(signal?: AbortSignal): Promise<Uint8Array | null>;
  readonly isTTY: boolean;
  /** The reader is done (closing the read end of a pipe makes writers get SIGPIPE). */
  close(): void;
}

export interface WriteStream {
  /** Resolves once the data is accepted (pipes apply back-pressure). Throws EpipeError when nobody reads. */
  write(chunk: string | Uint8Array): Promise<void>;
  readonly isTTY: boolean;
  close(): void;
}

export class EpipeError extends Error {
  constructor() {
    super('Broken pipe');
    this.name = 'EpipeError';
  }
}
