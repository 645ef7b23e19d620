/**
 * Flow control between a terminal session and the screen that draws it. A browser tab can draw a
 * few hundred kilobytes of terminal text a second; an endless `echo` loop writes far more. Without
 * pacing, output piles up between the worker and the page (memory grows, and Ctrl-C's `^C` and the
 * next prompt queue behind seconds of text). Real terminals pace the same way: when the screen is
 * behind, the pty's buffer fills and the writing program blocks in write(2).
 *
 * The session counts the characters it sends; the screen reports what it has drawn. While more
 * than HIGH characters are undrawn (16 KiB: a few frames of a 10,000 lines/s stream, little enough
 * for xterm to parse within one frame), the gate returns a promise that programs writing to the pty
 * wait on; it resolves once the backlog falls to LOW. Until the screen reports anything, there is
 * no pacing (the headless runner has no screen to wait for).
 */
import { Backpressure } from './backpressure';

export const SCREEN_HIGH = 16 * 1024;
export const SCREEN_LOW = 4 * 1024;

export class ScreenGate {
  private sent = 0;
  private drawnSoFar = 0;
  private active = false;
  private readonly writers = new Backpressure(SCREEN_HIGH, SCREEN_LOW);

  /** Characters handed to the screen. */
  sending(chars: number): void {
    this.sent += chars;
  }

  /** The screen has drawn `chars` more characters; from the first report on, output is paced. */
  drawn(chars: number): void {
    this.active = true;
    this.drawnSoFar += chars;
    this.writers.drained(this.backlog());
  }

  /** Characters sent but not drawn yet. */
  backlog(): number {
    return this.sent - this.drawnSoFar;
  }

  /** The pty gate: a promise while the screen is too far behind. */
  readonly gate = (): Promise<void> | undefined => (this.active ? this.writers.hold(this.backlog()) : undefined);

  /** No screen any more (the session closed): nothing waits on it. */
  release(): void {
    this.active = false;
    this.writers.releaseAll();
  }
}
