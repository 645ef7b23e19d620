/**
 * How the session tools (autosave, undo, presenter) reach the terminal on the page: TerminalView
 * registers its xterm and worker session here once the session is open; autosave reads and writes
 * the scrollback, presenter mode sets the font size. The terminal keeps drawing; this only carries.
 */
import type { Terminal } from '@xterm/xterm';
import type { TerminalHandle } from '../client';
import { bufferLines } from '../testhooks';

export interface TerminalPort {
  term: Terminal;
  handle: TerminalHandle;
  /** Change the font size and refit the grid to the pane. */
  setFontSize(px: number): void;
}

let port: TerminalPort | undefined;
let waiters: ((p: TerminalPort) => void)[] = [];
const enterListeners = new Set<() => void>();

export function registerTerminal(p: TerminalPort): () => void {
  port = p;
  for (const w of waiters) w(p);
  waiters = [];
  return () => {
    if (port === p) port = undefined;
  };
}

/** The terminal once its session is open. */
export function whenTerminal(): Promise<TerminalPort> {
  return port ? Promise.resolve(port) : new Promise((r) => waiters.push(r));
}

export function terminalNow(): TerminalPort | undefined {
  return port;
}

/** TerminalView calls this when the learner pressed Enter (a command may have run: save soon). */
export function enterPressed(): void {
  for (const fn of enterListeners) fn();
}
export function onEnter(fn: () => void): () => void {
  enterListeners.add(fn);
  return () => enterListeners.delete(fn);
}

/** At most this many lines of scrollback are kept across a reload. */
export const SCROLLBACK_LINES = 1000;

/** What the terminal shows, as plain text lines, without the live prompt line at the end. */
export function scrollbackText(term: Terminal): string {
  const lines = bufferLines(term);
  lines.pop();
  return lines.slice(-SCROLLBACK_LINES).join('\n');
}

/** Put saved scrollback back on a cleared screen (as text: colours are not kept). */
export function writeScrollback(term: Terminal, text: string): void {
  term.reset();
  if (text) term.write(text.split('\n').join('\r\n') + '\r\n');
}

/** Everything on the screen, the live prompt line included, ready to be written back as it was. */
export function screenText(term: Terminal): string {
  return bufferLines(term).slice(-SCROLLBACK_LINES).join('\r\n');
}
