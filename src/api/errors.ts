/**
 * The daemon's errors, as moby's errdefs classes are: a kind, the HTTP status the Engine API sends
 * for it (errdefs/http_helpers.go maps one to the other), Docker's exact message, and for a
 * container that could not start, the exit code the client reports (127 no such executable, 126 not
 * executable). One class crosses the worker boundary as plain JSON (`toJSON`/`fromJSON`).
 */

export type ErrorKind =
  | 'invalidParameter' // 400
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'notFound' // 404
  | 'conflict' // 409
  | 'system' // 500
  | 'notImplemented' // 501
  | 'unavailable'; // 503

const STATUS: Record<ErrorKind, number> = {
  invalidParameter: 400, unauthorized: 401, forbidden: 403, notFound: 404, conflict: 409,
  system: 500, notImplemented: 501, unavailable: 503,
};

/** The kind an HTTP status stands for (errdefs.FromStatusCode). */
export function kindOf(status: number): ErrorKind {
  const k = (Object.keys(STATUS) as ErrorKind[]).find((x) => STATUS[x] === status);
  return k ?? (status >= 400 && status < 500 ? 'invalidParameter' : 'system');
}

export interface DaemonErrorJSON {
  name: 'DaemonError' | 'StreamError';
  kind: ErrorKind;
  status: number;
  message: string;
  exitCode?: number;
}

export class DaemonError extends Error {
  readonly kind: ErrorKind;
  /**
   * `status`: the HTTP status (its kind follows from it). `exitCode`: set where the failure is a
   * container process that could not start, so the client need not read it from the message.
   */
  constructor(message: string, readonly status = 500, readonly exitCode?: number) {
    super(message);
    this.name = 'DaemonError';
    this.kind = kindOf(status);
  }

  /** The HTTP status (older name, kept for the compose client). */
  get statusCode(): number {
    return this.status;
  }

  toJSON(): DaemonErrorJSON {
    const j: DaemonErrorJSON = { name: this instanceof StreamError ? 'StreamError' : 'DaemonError', kind: this.kind, status: this.status, message: this.message };
    if (this.exitCode !== undefined) j.exitCode = this.exitCode;
    return j;
  }

  static fromJSON(j: DaemonErrorJSON): DaemonError {
    return j.name === 'StreamError' ? new StreamError(j.message, j.status, j.exitCode) : new DaemonError(j.message, j.status, j.exitCode);
  }

  static is(x: unknown): x is DaemonErrorJSON {
    return typeof x === 'object' && x !== null && ((x as DaemonErrorJSON).name === 'DaemonError' || (x as DaemonErrorJSON).name === 'StreamError') && typeof (x as DaemonErrorJSON).message === 'string' && typeof (x as DaemonErrorJSON).status === 'number';
  }
}

/**
 * An error inside a progress stream the daemon already started (pull, push, load): the CLI's
 * jsonmessage prints it bare, without `Error response from daemon:`.
 */
export class StreamError extends DaemonError {
  constructor(message: string, status = 500, exitCode?: number) {
    super(message, status, exitCode);
    this.name = 'StreamError';
  }
}
