/**
 * Hooks for end-to-end tests (and curious learners in the devtools console). Read-only views of
 * what the page shows; they never drive the engine directly.
 *
 *   window.__term.text()   the terminal buffer as text (wrapped rows joined, trailing blanks cut)
 *   window.__term.lines()  the same, as an array of logical lines
 *   window.__term.tail(n)  the n buffer rows up to the cursor's (not joined), cheap to poll each frame
 *   window.__term.feeds(), rowsSince(mark)  a line-feed count, and the rows written since it
 *   window.__term.locate(text)  the visible cell where `text` first starts ({col, row}, 0-based,
 *                          rows counted from the top of the screen), for clicking terminal links
 *   window.__lab.describe()  a fresh MachineView snapshot from the worker
 *   window.__lab.bootInfo()  the worker's boot report (boot time, memfs smoke check)
 *   window.__lab.showImages(images)  draw the layer picture from given ImageViews (UI tests and
 *                            screenshots without the engine); the next image event redraws from
 *                            the real machine
 */
import type { Terminal } from '@xterm/xterm';
import { describe, ready, type BootInfo, type ImageView, type MachineView } from './client';

export interface TermHook {
  text(): string;
  lines(): string[];
  /** The `n` rows up to the cursor's (cheap enough to poll every frame during a flood). */
  tail(n: number): string[];
  /** Line feeds so far: a mark for `rowsSince`. */
  feeds(): number;
  /** The rows from the one the cursor was on at `mark` to the cursor's (those still in the buffer). */
  rowsSince(mark: number): string[];
  locate(text: string): { col: number; row: number } | undefined;
  cols: number;
  rows: number;
}

export interface LabHook {
  describe(): Promise<MachineView>;
  bootInfo(): Promise<BootInfo>;
  showImages(images: ImageView[]): void;
}

let showImages: (images: ImageView[]) => void = () => {};

/** The layer picture registers its setter here (see LayerPicture.svelte). */
export function registerPictureHook(fn: (images: ImageView[]) => void): () => void {
  showImages = fn;
  return () => {
    if (showImages === fn) showImages = () => {};
  };
}

declare global {
  interface Window {
    __term?: TermHook;
    __lab?: LabHook;
  }
}

export function bufferLines(term: Terminal): string[] {
  const buf = term.buffer.active;
  const out: string[] = [];
  for (let i = 0; i < buf.length; i++) {
    const line = buf.getLine(i);
    if (!line) continue;
    const s = line.translateToString(true);
    if (line.isWrapped && out.length > 0) out[out.length - 1] += s;
    else out.push(s);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

export function installTermHook(term: Terminal): () => void {
  let feeds = 0;
  const feedSub = term.onLineFeed(() => feeds++);
  const rows = (from: number, to: number) => {
    const buf = term.buffer.active;
    const out: string[] = [];
    for (let i = Math.max(0, from); i <= to; i++) out.push(buf.getLine(i)?.translateToString(true) ?? '');
    return out;
  };
  window.__term = {
    text: () => bufferLines(term).join('\n'),
    lines: () => bufferLines(term),
    tail: (n) => {
      const cursorRow = term.buffer.active.baseY + term.buffer.active.cursorY;
      return rows(cursorRow + 1 - n, cursorRow);
    },
    feeds: () => feeds,
    rowsSince: (mark) => {
      const cursorRow = term.buffer.active.baseY + term.buffer.active.cursorY;
      return rows(cursorRow - (feeds - mark), cursorRow);
    },
    locate: (text) => {
      const buf = term.buffer.active;
      for (let row = 0; row < term.rows; row++) {
        const col = buf.getLine(buf.viewportY + row)?.translateToString(true).indexOf(text) ?? -1;
        if (col >= 0) return { col, row };
      }
      return undefined;
    },
    get cols() {
      return term.cols;
    },
    get rows() {
      return term.rows;
    },
  };
  window.__lab = { describe, bootInfo: ready, showImages: (images) => showImages(images) };
  return () => {
    feedSub.dispose();
    delete window.__term;
    delete window.__lab;
  };
}
