/**
 * The Dockerfile parser, following BuildKit's frontend/dockerfile/parser: parser directives at the
 * top (`# syntax=`, `# escape=`, `# check=`), logical lines joined at the escape token (comment
 * and blank lines inside a continuation are dropped, the blank ones with a warning), heredocs for
 * RUN/COPY/ADD, `--flags` before the arguments, and per-instruction argument splitting (the
 * "dispatch table": JSON or shell form, key=value pairs, whitespace-separated words).
 */
import { DockerfileParseError, type Heredoc, type Node, type ParseResult, type ParseWarning } from './ast';

const KNOWN = ['add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir'];
const HEREDOC_CMDS = new Set(['run', 'copy', 'add']);

function node(value: string, extra: Partial<Node> = {}): Node {
  return { value, children: [], heredocs: [], flags: [], attributes: {}, original: '', startLine: 0, endLine: 0, ...extra };
}

/** Chain a list of words as BuildKit's `next` list. */
function chain(words: string[]): Node | undefined {
  let head: Node | undefined;
  for (let i = words.length - 1; i >= 0; i--) head = node(words[i], { next: head });
  return head;
}

/** The arguments of an instruction node as an array (walking `next`). */
export function words(n: Node): string[] {
  const out: string[] = [];
  for (let w = n.next; w; w = w.next) out.push(w.value);
  return out;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

function unknownInstruction(word: string): string {
  let best = '';
  let dist = 3;
  for (const k of KNOWN) {
    const n = levenshtein(word.toLowerCase(), k);
    if (n < dist) [best, dist] = [k, n];
  }
  const hint = best ? ` (did you mean ${word === word.toLowerCase() ? best : best.toUpperCase()}?)` : '';
  return `unknown instruction: ${word}${hint}`;
}

/** Split on whitespace, keeping quoted sections (and escaped characters) inside one word. */
export function splitQuoted(s: string, escape: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      cur += ch;
      if (ch === escape && quote === '"' && i + 1 < s.length) cur += s[++i];
      else if (ch === quote) quote = '';
      continue;
    }
    if (/\s/.test(ch)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    inWord = true;
    cur += ch;
    if (ch === escape && i + 1 < s.length) cur += s[++i];
    else if (ch === '"' || ch === "'") quote = ch;
  }
  if (inWord) out.push(cur);
  return out;
}

function parseJsonArray(rest: string): string[] | undefined {
  if (!rest.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(rest);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // not JSON: shell form
  }
  return undefined;
}

/** ENV/LABEL: `k=v k2="v 2"` pairs, or the legacy `ENV key the rest of the line`. */
function parseNameVal(cmd: string, rest: string, escape: string): string[] {
  const ws = splitQuoted(rest, escape);
  if (ws.length === 0) return [];
  if (!ws[0].includes('=')) {
    const key = ws[0];
    const value = rest.trimStart().slice(key.length).trim();
    if (!value) throw new Error(`${cmd.toUpperCase()} must have two arguments`);
    return [key, value, ''];
  }
  const out: string[] = [];
  for (const w of ws) {
    const eq = w.indexOf('=');
    if (eq < 0) throw new Error(`Syntax error - can't find = in "${w}". Must be of the form: name=value`);
    out.push(w.slice(0, eq), w.slice(eq + 1), '=');
  }
  return out;
}

interface Parsed {
  words: string[];
  json: boolean;
  sub?: Node;
}

function dispatch(cmd: string, rest: string, escape: string, line: number): Parsed {
  switch (cmd) {
    case 'cmd': case 'entrypoint': case 'run': case 'shell': {
      const j = parseJsonArray(rest);
      if (j) return { words: j, json: true };
      return { words: rest ? [rest] : [], json: false };
    }
    case 'add': case 'copy': case 'volume': {
      const j = parseJsonArray(rest);
      if (j) return { words: j, json: true };
      return { words: rest.split(/\s+/).filter(Boolean), json: false };
    }
    case 'env': case 'label':
      return { words: parseNameVal(cmd, rest, escape), json: false };
    case 'arg':
      return { words: splitQuoted(rest, escape), json: false };
    case 'maintainer': case 'stopsignal': case 'user': case 'workdir':
      return { words: rest ? [rest] : [], json: false };
    case 'healthcheck': {
      const ws = rest.split(/\s+/).filter(Boolean);
      if (!ws.length) return { words: [], json: false };
      const typ = ws[0];
      const after = rest.trimStart().slice(typ.length).trim();
      const j = parseJsonArray(after);
      if (j) return { words: [typ, ...j], json: true };
      return { words: after ? [typ, after] : [typ], json: false };
    }
    case 'onbuild': {
      const inner = parseLine(rest, escape, line);
      if (!inner) throw new Error('ONBUILD requires at least one argument');
      return { words: [], json: false, sub: inner };
    }
    default:
      // FROM, EXPOSE and unknown words: whitespace-separated.
      return { words: rest.split(/\s+/).filter(Boolean), json: false };
  }
}

/** One logical line (continuations already joined) to an instruction node. */
function parseLine(text: string, escape: string, line: number): Node | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const m = /^(\S+)\s*([\s\S]*)$/.exec(trimmed)!;
  const word = m[1];
  const cmd = word.toLowerCase();
  let rest = m[2];
  const flags: string[] = [];
  // --flags come first; ONBUILD passes them to its inner instruction.
  if (cmd !== 'onbuild') {
    for (;;) {
      const f = /^(--\S+)\s*/.exec(rest);
      if (!f) break;
      if (f[1] === '--') {
        rest = rest.slice(f[0].length);
        break;
      }
      flags.push(f[1]);
      rest = rest.slice(f[0].length);
    }
  }
  rest = rest.trim();
  const p = dispatch(cmd, rest, escape, line);
  const n = node(cmd, { flags, original: trimmed, startLine: line, endLine: line, attributes: p.json ? { json: true } : {} });
  n.next = chain(p.words);
  if (p.sub) n.next = node('', { children: [p.sub] });
  // Remember the keyword as written for error messages that keep the user's case.
  (n as Node & { keyword?: string }).keyword = word;
  return n;
}

/** Heredoc markers (`<<EOF`, `<<-EOF`, `<<"EOF"`) in a RUN/COPY/ADD line, in order. */
function heredocMarkers(rest: string): { name: string; chomp: boolean; expand: boolean }[] {
  const out: { name: string; chomp: boolean; expand: boolean }[] = [];
  for (const m of rest.matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)) out.push({ name: m[3], chomp: m[1] === '-', expand: m[2] === '' });
  return out;
}

export function parse(text: string): ParseResult {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let escape = '\\';
  const warnings: ParseWarning[] = [];
  const root = node('', { startLine: 1 });
  let i = 0;
  // Parser directives: only before anything else, each key once.
  const seen = new Set<string>();
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]);
    if (!m) break;
    const key = m[1].toLowerCase();
    if (!['syntax', 'escape', 'check'].includes(key)) break;
    if (seen.has(key)) throw new DockerfileParseError(`only one ${key} parser directive can be used`, i + 1);
    seen.add(key);
    if (key === 'escape') {
      if (m[2] !== '`' && m[2] !== '\\') throw new DockerfileParseError(`invalid escape token '${m[2]}' does not match ` + '` or \\', i + 1);
      escape = m[2];
    }
  }
  const endsWithEscape = (l: string) => {
    const t = l.replace(/[ \t]+$/, '');
    if (!t.endsWith(escape)) return false;
    // An escaped escape (`\\`) at the end is not a continuation.
    let n = 0;
    for (let k = t.length - 1; k >= 0 && t[k] === escape; k--) n++;
    return n % 2 === 1;
  };
  for (; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\s*#/.test(raw) || raw.trim() === '') continue;
    const start = i + 1;
    let logical = '';
    let cur = raw;
    let emptyInside = false;
    for (;;) {
      if (endsWithEscape(cur)) {
        logical += cur.replace(/[ \t]+$/, '').slice(0, -1);
        i++;
        // Skip comment and blank lines inside a continuation.
        while (i < lines.length && (/^\s*#/.test(lines[i]) || lines[i].trim() === '')) {
          if (lines[i].trim() === '') emptyInside = true;
          i++;
        }
        if (i >= lines.length) break;
        cur = lines[i];
        continue;
      }
      logical += cur;
      break;
    }
    if (emptyInside) warnings.push({ short: 'Empty continuation line found in: ' + logical.trim(), line: start });
    let n: Node | undefined;
    try {
      n = parseLine(logical, escape, start);
    } catch (e) {
      throw new DockerfileParseError((e as Error).message, start);
    }
    if (!n) continue;
    n.endLine = i + 1;
    if (!KNOWN.includes(n.value)) {
      throw new DockerfileParseError(unknownInstruction((n as Node & { keyword?: string }).keyword ?? n.value), start);
    }
    if (HEREDOC_CMDS.has(n.value) && !n.attributes.json) {
      const markers = heredocMarkers(logical);
      const docs: Heredoc[] = [];
      for (const mk of markers) {
        const body: string[] = [];
        let found = false;
        for (i++; i < lines.length; i++) {
          const l = mk.chomp ? lines[i].replace(/^\t+/, '') : lines[i];
          if (l === mk.name) {
            found = true;
            break;
          }
          body.push(l);
        }
        if (!found) throw new DockerfileParseError(`unterminated heredoc ${mk.name}`, start);
        docs.push({ name: mk.name, content: body.join('\n') + '\n', expand: mk.expand, chomp: mk.chomp });
      }
      n.heredocs = docs;
      n.endLine = i + 1;
    }
    root.children.push(n);
  }
  if (root.children.length === 0) throw new DockerfileParseError('file with no instructions', 1);
  root.endLine = lines.length;
  return { ast: root, escapeToken: escape, warnings };
}
