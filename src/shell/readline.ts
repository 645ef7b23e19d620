/**
 * A small readline: the interactive shell reads raw key bytes (the terminal is put in raw mode
 * while the prompt is shown) and does its own echo, editing, history and completion, as bash's
 * readline does. A whole line arriving at once echoes as exactly that line and `\r\n`: typing at
 * the end of the line never redraws, which keeps the headless runner's transcript clean.
 */
import type { ReadStream, WriteStream } from '../engine/process/types';
import { PushbackReader } from '../engine/process/pipe';

/**
 * What the shell needs from a terminal to switch it between raw mode (at the prompt) and cooked
 * mode (while a command runs). A pty exposes it as `tty` on its reading end; the Pty class's own
 * `mode` and `cols` fields fit as they are.
 */
export interface TtyHandle {
  mode: { canonical: boolean; echo: boolean; isig: boolean };
  cols?: number;
  signalsSent?: number;
  /** History to start with, taken once (the simulator's restored session; see Pty.recall). */
  takeRecall?(): string[] | undefined;
  /** Told each line the editor accepts (the simulator keeps the page's history with it). */
  lineRead?(line: string): void;
}

export function ttyOf(stream: ReadStream): TtyHandle | undefined {
  const s = stream as ReadStream & { tty?: TtyHandle; inner?: ReadStream };
  if (s.tty) return s.tty;
  // Wrappers (a PushbackReader, the kernel's per-process guard) keep the stream they wrap in `inner`.
  if (s instanceof PushbackReader || s.inner) return s.inner ? ttyOf(s.inner) : undefined;
  return undefined;
}

/** `noSpace`: a lone candidate is inserted without a space after it (bash's `compopt -o nospace`). */
export type Completer = (line: string, cursor: number) => Promise<{ start: number; candidates: string[]; noSpace?: boolean }>;

export type ReadResult = { kind: 'line'; line: string } | { kind: 'eof' } | { kind: 'interrupt' };

export interface LineEditorOptions {
  input: PushbackReader;
  output: WriteStream;
  /** Shared with the `history` builtin; the editor only reads it (the shell appends). */
  history: string[];
  completer?: Completer;
  signal?: AbortSignal;
}

const enc = new TextEncoder();

export class LineEditor {
  private buf: string[] = [];
  private cursor = 0;
  private prompt = '';
  private histIdx = 0;
  private draft = '';
  private lastTab = false;
  /** Inside a bracketed paste (ESC[200~ … ESC[201~): keys are text, a Tab is not completion. */
  private pasting = false;
  private readonly tty: TtyHandle | undefined;

  constructor(private readonly o: LineEditorOptions) {
    this.tty = ttyOf(o.input);
    const recall = this.tty?.takeRecall?.();
    if (recall && o.history.length === 0) o.history.push(...recall);
  }

  /** A readLine is waiting for keys (the prompt is on the screen). */
  private reading = false;

  /**
   * The terminal changed size (SIGWINCH): draw the prompt and line again, as readline does. This
   * is also how `docker attach` brings back a shell's prompt that was printed before it attached.
   */
  async refresh(): Promise<void> {
    if (this.reading) await this.o.output.write(this.redraw());
  }

  async readLine(prompt: string): Promise<ReadResult> {
    this.reading = true;
    try {
      return await this.readLineNow(prompt);
    } finally {
      this.reading = false;
    }
  }

  private async readLineNow(prompt: string): Promise<ReadResult> {
    this.prompt = prompt;
    this.buf = [];
    this.cursor = 0;
    this.histIdx = this.o.history.length;
    this.lastTab = false;
    this.search = undefined;
    // On a terminal, bash (readline 8.1+) turns bracketed paste on while it reads a line and off
    // before the command runs, so the terminal marks pasted text and a pasted Tab stays text.
    await this.o.output.write(this.tty ? PASTE_ON + prompt : prompt);
    const dec = new TextDecoder();
    let pending = '';
    for (;;) {
      const chunk = await this.o.input.read(this.o.signal);
      if (chunk === null) {
        if (this.buf.length) {
          await this.o.output.write('\r\n');
          return { kind: 'line', line: this.buf.join('') };
        }
        return { kind: 'eof' };
      }
      pending += dec.decode(chunk, { stream: true });
      let out = '';
      let result: ReadResult | undefined;
      let i = 0;
      while (i < pending.length && !result) {
        const key = nextKey(pending, i);
        if (!key) break; // an escape sequence cut in half: wait for the rest
        i += key.length;
        const r = await this.key(key);
        out += r.out;
        result = r.result;
        // \r\n counts as one Enter.
        if (result && key === '\r' && pending[i] === '\n') i++;
      }
      pending = pending.slice(i);
      if (result && this.tty) out = out.replace(/\r\n$|\^C\r\n$|$/, (end) => PASTE_OFF + end);
      if (out) await this.o.output.write(out);
      if (result) {
        if (result.kind === 'line') this.tty?.lineRead?.(result.line);
        // Keys typed ahead belong to whoever reads next (the command, or the next prompt).
        if (pending) this.o.input.unread(enc.encode(pending));
        return result;
      }
    }
  }

  private line(): string {
    return this.buf.join('');
  }

  /** Redraw the whole line: carriage return, prompt, text, clear the rest, put the cursor back. */
  private redraw(): string {
    const back = this.buf.length - this.cursor;
    return '\r' + lastLine(this.prompt) + this.line() + '\x1b[K' + (back ? `\x1b[${back}D` : '');
  }

  private setLine(s: string): string {
    this.buf = [...s];
    this.cursor = this.buf.length;
    return this.redraw();
  }

  private async key(k: string): Promise<{ out: string; result?: ReadResult }> {
    const wasTab = this.lastTab;
    this.lastTab = false;
    if (k === PASTE_START || k === PASTE_END) {
      this.pasting = k === PASTE_START;
      return { out: '' };
    }
    if (this.pasting && k === '\t') return { out: this.insert('\t') };
    if (this.search) return this.searchKey(k);
    switch (k) {
      case '\x12':
        this.search = { query: '', at: this.o.history.length, original: this.line(), failed: false };
        return { out: this.searchRedraw() };
      case '\r':
      case '\n':
        return { out: '\r\n', result: { kind: 'line', line: this.line() } };
      case '\x03':
        return { out: '^C\r\n', result: { kind: 'interrupt' } };
      case '\x04':
        if (!this.buf.length) return { out: '', result: { kind: 'eof' } };
        return { out: this.deleteAt() };
      case '\x7f':
      case '\b':
        if (!this.cursor) return { out: '' };
        this.buf.splice(--this.cursor, 1);
        return { out: this.cursor === this.buf.length ? '\b \b' : this.redraw() };
      case '\x01': case '\x1b[H': case '\x1b[1~': case '\x1bOH': case '\x1b[7~':
        this.cursor = 0;
        return { out: this.redraw() };
      case '\x05': case '\x1b[F': case '\x1b[4~': case '\x1bOF': case '\x1b[8~':
        this.cursor = this.buf.length;
        return { out: this.redraw() };
      case '\x1b[D': case '\x02':
        if (!this.cursor) return { out: '' };
        this.cursor--;
        return { out: '\x1b[D' };
      case '\x1b[C': case '\x06':
        if (this.cursor >= this.buf.length) return { out: '' };
        this.cursor++;
        return { out: '\x1b[C' };
      case '\x1b[3~':
        return { out: this.deleteAt() };
      case '\x15':
        this.buf.splice(0, this.cursor);
        this.cursor = 0;
        return { out: this.redraw() };
      case '\x0b':
        this.buf.length = this.cursor;
        return { out: '\x1b[K' };
      case '\x17': {
        let j = this.cursor;
        while (j > 0 && this.buf[j - 1] === ' ') j--;
        while (j > 0 && this.buf[j - 1] !== ' ') j--;
        this.buf.splice(j, this.cursor - j);
        this.cursor = j;
        return { out: this.redraw() };
      }
      case '\x0c':
        return { out: '\x1b[H\x1b[2J' + this.prompt + this.line() + (this.buf.length - this.cursor ? `\x1b[${this.buf.length - this.cursor}D` : '') };
      case '\x1b[A': case '\x10': {
        const h = this.o.history;
        if (this.histIdx === 0) return { out: '' };
        if (this.histIdx === h.length) this.draft = this.line();
        this.histIdx--;
        return { out: this.setLine(h[this.histIdx]) };
      }
      case '\x1b[B': case '\x0e': {
        const h = this.o.history;
        if (this.histIdx >= h.length) return { out: '' };
        this.histIdx++;
        return { out: this.setLine(this.histIdx === h.length ? this.draft : h[this.histIdx]) };
      }
      case '\t':
        this.lastTab = true;
        return { out: await this.complete(wasTab) };
    }
    if (k.startsWith('\x1b') || (k.length === 1 && k < ' ')) return { out: '' };
    this.buf.splice(this.cursor, 0, k);
    this.cursor++;
    // Typing at the end of the line echoes just the character: no redraw.
    return { out: this.cursor === this.buf.length ? k : this.redraw() };
  }

  /** Ctrl-R: bash's reverse-i-search through the history (newest first). */
  private search?: { query: string; at: number; original: string; failed: boolean };

  private searchRedraw(): string {
    const q = this.search!;
    const label = q.failed ? '(failed reverse-i-search)' : '(reverse-i-search)';
    const back = this.buf.length - this.cursor;
    return `\r${label}\`${q.query}': ${this.line()}\x1b[K` + (back ? `\x1b[${back}D` : '');
  }

  /** Find `query` in history entries older than `from`; put the match in the line. */
  private searchFrom(from: number): void {
    const q = this.search!;
    const h = this.o.history;
    for (let i = Math.min(from, h.length - 1); i >= 0; i--) {
      const pos = h[i].lastIndexOf(q.query);
      if (pos >= 0) {
        q.at = i;
        q.failed = false;
        this.buf = [...h[i]];
        this.cursor = [...h[i].slice(0, pos)].length;
        return;
      }
    }
    q.failed = true;
  }

  private async searchKey(k: string): Promise<{ out: string; result?: ReadResult }> {
    const q = this.search!;
    if (k === '\x12') {
      if (q.query) this.searchFrom(q.at - 1);
      return { out: this.searchRedraw() };
    }
    if (k === '\x07' || k === '\x03') {
      // Ctrl-G gives the line back as it was; Ctrl-C also abandons it, as in bash
      this.search = undefined;
      if (k === '\x03') return this.key(k);
      this.buf = [...q.original];
      this.cursor = this.buf.length;
      return { out: this.redraw() };
    }
    if (k === '\x7f' || k === '\b') {
      q.query = [...q.query].slice(0, -1).join('');
      if (q.query) this.searchFrom(this.o.history.length - 1);
      else q.failed = false;
      return { out: this.searchRedraw() };
    }
    if (!k.startsWith('\x1b') && k >= ' ') {
      q.query += k;
      this.searchFrom(q.at === this.o.history.length ? q.at - 1 : q.at);
      return { out: this.searchRedraw() };
    }
    // Any other key ends the search with the match in the line, then does what it does.
    this.search = undefined;
    this.histIdx = q.at;
    const shown = this.redraw();
    if (k === '\x1b') return { out: shown };
    const r = await this.key(k);
    return { out: shown + r.out, result: r.result };
  }

  private deleteAt(): string {
    if (this.cursor >= this.buf.length) return '';
    this.buf.splice(this.cursor, 1);
    return this.redraw();
  }

  private insert(s: string): string {
    const atEnd = this.cursor === this.buf.length;
    this.buf = [...this.buf.slice(0, this.cursor), ...s, ...this.buf.slice(this.cursor)];
    this.cursor += [...s].length;
    return atEnd ? s : this.redraw();
  }

  private async complete(listAll: boolean): Promise<string> {
    if (!this.o.completer) return '';
    const line = this.line();
    const cur = this.buf.slice(0, this.cursor).join('').length;
    const { start, candidates, noSpace } = await this.o.completer(line, cur);
    if (!candidates.length) return '\x07';
    const word = line.slice(start, cur);
    if (candidates.length === 1) {
      const c = candidates[0];
      return this.insert(c.slice(word.length) + (c.endsWith('/') || noSpace ? '' : ' '));
    }
    const common = commonPrefix(candidates);
    if (common.length > word.length) return this.insert(common.slice(word.length));
    if (!listAll) return '\x07';
    return '\r\n' + candidates.map((c) => c.replace(/\/$/, '/').split('/').filter(Boolean).pop() + (c.endsWith('/') ? '/' : '')).join('  ') + '\r\n' + this.prompt + this.line() + (this.buf.length - this.cursor ? `\x1b[${this.buf.length - this.cursor}D` : '');
  }
}

const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';
const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

function lastLine(prompt: string): string {
  const i = prompt.lastIndexOf('\n');
  return i < 0 ? prompt : prompt.slice(i + 1);
}

function commonPrefix(xs: string[]): string {
  let p = xs[0];
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** One key: a character, or a whole escape sequence (undefined if the sequence is incomplete). */
function nextKey(s: string, i: number): string | undefined {
  if (s[i] !== '\x1b') {
    const cp = s.codePointAt(i)!;
    return String.fromCodePoint(cp);
  }
  if (i + 1 >= s.length) return undefined;
  const n = s[i + 1];
  if (n === '[') {
    const m = /^\x1b\[[0-9;]*[~A-Za-z]/.exec(s.slice(i));
    if (!m) return /^\x1b\[[0-9;]*$/.test(s.slice(i)) ? undefined : s.slice(i, i + 2);
    return m[0];
  }
  if (n === 'O') return i + 2 < s.length ? s.slice(i, i + 3) : undefined;
  return s.slice(i, i + 2);
}
