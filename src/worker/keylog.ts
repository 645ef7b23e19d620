/**
 * The record of what the learner typed, in the headless runner's line format (DESIGN.md "The
 * headless runner"), so a share link can replay it on a fresh machine: a plain line is typed and
 * followed by Enter; `@keys …` sends keys as they were pressed (`<Tab>`, `<Up>`, `<C-c>` …).
 *
 * Keys arrive as xterm sends them, usually one keystroke at a time. A line of printable characters
 * (with Backspace and Ctrl-U fixing typos) is kept as a plain line; a line that used completion,
 * history, cursor keys or a bracketed paste is kept as `@keys` with every key, because what it
 * turns into depends on the machine, which the replay rebuilds the same. Keys that act at once
 * (Ctrl-C, Ctrl-D, Ctrl-Z, Ctrl-\, Ctrl-P Ctrl-Q) end an entry without Enter.
 */

/** The names `@keys` understands (src/tools/headless.ts parseKeys), by the bytes they send. */
const NAMES: Record<string, string> = {
  '\x01': 'C-a', '\x02': 'C-b', '\x03': 'C-c', '\x04': 'C-d', '\x05': 'C-e', '\x06': 'C-f', '\x0b': 'C-k',
  '\x0c': 'C-l', '\x0e': 'C-n', '\x10': 'C-p', '\x11': 'C-q', '\x12': 'C-r', '\x15': 'C-u', '\x17': 'C-w',
  '\x1a': 'C-z', '\x1c': 'C-\\', '\x07': 'C-g', '\t': 'Tab', '\r': 'Enter', '\x1b': 'Esc', '\x7f': 'BS',
  '\x1b[A': 'Up', '\x1b[B': 'Down', '\x1b[C': 'Right', '\x1b[D': 'Left', '\x1b[H': 'Home', '\x1b[F': 'End', '\x1b[3~': 'Del',
};
const IMMEDIATE = new Set(['\x03', '\x04', '\x1a', '\x1c', '\x11']);

export class KeyLog {
  readonly lines: string[] = [];
  /** False once a key was pressed that the line format cannot carry (the replay would differ). */
  exact = true;
  private keys: string[] = [];
  private plain = true;
  private pending = '';

  /** Keys typed into the terminal, in order. */
  feed(data: string): void {
    let s = this.pending + data;
    this.pending = '';
    while (s) {
      const key = nextKey(s);
      if (!key) {
        this.pending = s; // an escape sequence cut in half
        return;
      }
      s = s.slice(key.length);
      this.key(key);
    }
  }

  /** The line being typed, as far as it can be told (for an undo entry's label). */
  current(): string {
    return this.keys.filter((k) => k.length === 1 && k >= ' ').join('');
  }

  /** Forget the lines after the first `n` (undo goes back to where the log was `n` long). */
  truncate(n: number): void {
    this.lines.length = Math.min(this.lines.length, n);
    this.keys = [];
    this.plain = true;
  }

  private key(k: string): void {
    if (k === '\r' || k === '\n') {
      this.end(true);
      return;
    }
    const printable = k.length === 1 ? k >= ' ' && k !== '\x7f' : !k.startsWith('\x1b') && k >= ' ';
    if (this.plain && (k === '\x7f' || k === '\b')) {
      this.keys.pop(); // a typo fixed at the end of the line: still a plain line
      return;
    }
    if (this.plain && k === '\x15') {
      this.keys = [];
      return;
    }
    if (!printable) this.plain = false;
    this.keys.push(k);
    if (IMMEDIATE.has(k)) this.end(false);
  }

  private end(enter: boolean): void {
    const text = this.keys.join('');
    if (this.plain && enter && !text.startsWith('@')) this.lines.push(text);
    else this.lines.push('@keys ' + this.keys.map((k) => this.encode(k)).join('') + (enter ? '<Enter>' : ''));
    this.keys = [];
    this.plain = true;
  }

  private encode(k: string): string {
    const name = NAMES[k];
    if (name) return `<${name}>`;
    if (k.startsWith('\x1b')) return '<Esc>' + k.slice(1);
    // `<` followed by a key name and `>` would read back as that key: the line format has no escape.
    if (k === '<') this.exact = false;
    if (k < ' ') this.exact = false;
    return k;
  }
}

/** One key: a character, or a whole escape sequence (undefined when it is cut short). */
function nextKey(s: string): string | undefined {
  if (s[0] !== '\x1b') return String.fromCodePoint(s.codePointAt(0)!);
  if (s.length < 2) return undefined;
  if (s[1] === '[') {
    const m = /^\x1b\[[0-9;?]*[~A-Za-z]/.exec(s);
    if (m) return m[0];
    return /^\x1b\[[0-9;?]*$/.test(s) ? undefined : s.slice(0, 2);
  }
  if (s[1] === 'O') return s.length > 2 ? s.slice(0, 3) : undefined;
  return s.slice(0, 2);
}
