/**
 * Ctrl-C in Python. CPython installs its own SIGINT handler at startup (signal.default_int_handler)
 * unless SIGINT is ignored then (a background job of a script): the signal raises
 * KeyboardInterrupt in the main thread, at the next bytecode or out of the blocking call it
 * interrupts (sleep, accept, read). So a Python PID 1 stops at the first Ctrl-C that reaches it,
 * where a program without a handler would have the signal ignored (the PID 1 rule).
 *
 * Simulated: the program's context gets an abort signal that also fires on SIGINT, with a
 * KeyboardInterrupt as the reason, so every wait that already honours the process's signal is
 * interrupted, and the interpreter's between-statements check raises it. Once the exception has
 * reached Python code (a `try`), waits get a live signal again, so a second Ctrl-C works too.
 */
import { SIGNALS, type ProgramContext } from '../../process/types';
import { EXC, PyError } from './interp';

export class KeyboardInterrupts {
  /** The context to run Python with: `signal` also aborts on Ctrl-C. */
  readonly ctx: ProgramContext;
  private ctl = new AbortController();
  private pending?: PyError;
  private readonly base: AbortSignal;

  constructor(base: ProgramContext) {
    this.base = base.signal;
    const ctl = () => this.ctl;
    this.ctx = Object.defineProperty({ ...base }, 'signal', { get: () => ctl().signal, enumerable: true });
    this.fresh();
    const prev = base.proc.setSignal(SIGNALS.SIGINT, () => this.interrupt());
    if (prev === 'ignore') base.proc.setSignal(SIGNALS.SIGINT, 'ignore');
  }

  /** A new abort signal that follows the process's own (killed, terminated). */
  private fresh(): void {
    const ctl = new AbortController();
    this.ctl = ctl;
    if (this.base.aborted) ctl.abort(this.base.reason);
    else this.base.addEventListener('abort', () => ctl.abort(this.base.reason), { once: true });
  }

  private interrupt(): void {
    if (this.pending || this.base.aborted) return;
    this.pending = new PyError(EXC.KeyboardInterrupt, '');
    this.ctl.abort(this.pending);
  }

  /** Is `e` the KeyboardInterrupt a Ctrl-C raised? */
  isInterrupt(e: unknown): boolean {
    return e !== undefined && e === this.pending;
  }

  /** The exception reached Python code (or the server that swallows it): later waits get a live signal. */
  delivered(e: unknown): void {
    if (!this.isInterrupt(e)) return;
    this.pending = undefined;
    this.fresh();
  }
}
