/**
 * The Dockerfile parser, following BuildKit's frontend/dockerfile/parser (parser.go,
 * line_parsers.go): parser directives in the leading comment block (`# syntax=`, `# escape=`,
 * `# check=`), logical lines joined at the escape token (comment lines inside a continuation are
 * dropped, empty ones too with a warning), `--flags` before the arguments, heredocs for
 * RUN/COPY/ADD, and per-instruction argument splitting (the dispatch table). Quotes are kept;
 * removing them is the word expander's job (shell-lex.ts). `dump()` prints BuildKit's `Node.Dump`.
 */
import { DockerfileParseError, type Heredoc, type Node, type ParseResult, type ParseWarning } from './ast';

export const INSTRUCTIONS = ['add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir'];
const HEREDOC_CMDS = new Set(['add', 'copy', 'run']);
const MAX_LINE = 65535;

function node(value: string, extra: Partial<Node> = {}): Node {
  return { value, children: [], heredocs: [], flags: [], attributes: {}, original: '', startLine: 0, endLine: 0, ...extra };
}

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

class ParseFail extends Error {}

/**
 * BuildKit's parseWords: split on whitespace outside quotes; quotes are kept, and the escape
 * token keeps itself and the next character (except inside single quotes, where it is literal).
 */
export function splitQuoted(s: string, escape: string): string[] {
  const out: string[] = [];
  let word = '';
  let quote = '';
  let blank = true;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (blank) {
      if (/\s/u.test(ch)) continue;
      blank = false;
    }
    if (/\s/u.test(ch) && !quote) {
      out.push(word);
      word = '';
      blank = true;
      continue;
    }
    if (ch === escape && quote !== "'") {
      if (i + 1 < s.length) {
        word += ch + s[i + 1];
        i++;
      } else word += ch;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    word += ch;
  }
  if (!blank) out.push(word);
  return out;
}

/** JSON array of strings, `undefined` when the text is not a JSON array; an error for non-strings. */
function parseJsonArray(rest: string): string[] | undefined {
  if (!rest.startsWith('[')) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(rest);
  } catch {
    return undefined;
  }
  if (!Array.isArray(v)) return undefined;
  if (!v.every((x) => typeof x === 'string')) throw new ParseFail('when using JSON array syntax, arrays must be comprised of strings only');
  return v as string[];
}

function parseNameVal(cmd: string, rest: string, escape: string): string[] {
  const ws = splitQuoted(rest, escape);
  if (ws.length === 0) return [];
  if (!ws[0].includes('=')) {
    // Old form: the first token is the key, the rest of the line its value.
    const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(rest)!;
    if (!m[2].trim()) throw new ParseFail(`${cmd.toUpperCase()} must have two arguments`);
    return [m[1], m[2].trim(), ''];
  }
  const out: string[] = [];
  for (const w of ws) {
    const eq = w.indexOf('=');
    if (eq < 0) throw new ParseFail(`Syntax error - can't find = in "${w}". Must be of the form: name=value`);
    out.push(w.slice(0, eq), w.slice(eq + 1), '=');
  }
  return out;
}

const splitWs = (s: string) => s.split(/[\t\v\f\r ]+/).filter(Boolean);

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
      return { words: splitWs(rest), json: false };
    }
    case 'env': case 'label':
      return { words: parseNameVal(cmd, rest, escape), json: false };
    case 'arg':
      return { words: splitQuoted(rest, escape), json: false };
    case 'maintainer': case 'stopsignal': case 'user': case 'workdir':
      return { words: rest ? [rest] : [], json: false };
    case 'healthcheck': {
      const m = /^(\S+)\s*([\s\S]*)$/.exec(rest);
      if (!m) return { words: [], json: false };
      const j = parseJsonArray(m[2]);
      if (j) return { words: [m[1], ...j], json: true };
      return { words: m[2] ? [m[1], m[2]] : [m[1]], json: false };
    }
    case 'onbuild': {
      if (!rest) throw new ParseFail('ONBUILD requires at least one argument');
      const inner = newNode(rest, escape, line);
      return { words: [], json: false, sub: inner };
    }
    case 'from': case 'expose':
      return { words: splitWs(rest), json: false };
    default:
      // Unknown words are not a parse error (the builder reports them): an empty argument.
      return { words: [''], json: false };
  }
}

/** Leading `--name[=value]` words (quotes removed, escapes applied); a bare `--` ends them. */
function extractFlags(args: string, escape: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let i = 0;
  for (;;) {
    while (i < args.length && /\s/.test(args[i])) i++;
    if (!args.startsWith('--', i)) break;
    let word = '';
    let quote = '';
    let j = i;
    for (; j < args.length; j++) {
      const ch = args[j];
      if (!quote && /\s/.test(ch)) break;
      if (ch === escape && quote !== "'" && j + 1 < args.length) {
        word += args[++j];
        continue;
      }
      if (quote) {
        if (ch === quote) quote = '';
        else word += ch;
      } else if (ch === '"' || ch === "'") quote = ch;
      else word += ch;
    }
    i = j;
    if (word === '--') break;
    flags.push(word);
  }
  return { flags, rest: args.slice(i).replace(/^\s+/, '') };
}

function newNode(line: string, escape: string, start: number): Node {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(line.trim());
  if (!m) throw new ParseFail('empty instruction');
  const cmd = m[1].toLowerCase();
  const { flags, rest } = extractFlags(m[2], escape);
  const p = dispatch(cmd, rest, escape, start);
  const n = node(cmd, { flags, original: line, startLine: start, endLine: start, attributes: p.json ? { json: true } : {} });
  n.next = p.sub ? node('', { children: [p.sub] }) : chain(p.words);
  return n;
}

/** BuildKit's heredoc words: `<<EOF`, `<<-EOF`, `<<"EOF"`, `<< EOF`, `3<<EOF`; quoted words are not. */
export function heredocsFromLine(line: string, escape = '\\'): { name: string; fd: number; chomp: boolean; expand: boolean }[] {
  const ws = splitQuoted(line, escape);
  const out: { name: string; fd: number; chomp: boolean; expand: boolean }[] = [];
  for (let k = 0; k < ws.length; k++) {
    const m = /^(\d*)<<(-?)(.*)$/.exec(ws[k]);
    if (!m || m[3].startsWith('<')) continue;
    let word = m[3];
    if (word === '') {
      if (k + 1 >= ws.length) continue;
      word = ws[++k];
    }
    const h = parseHeredocWord(word, escape);
    if (h) out.push({ name: h.name, fd: m[1] ? Number(m[1]) : 0, chomp: m[2] === '-', expand: h.expand });
  }
  return out;
}

/** The delimiter word: quotes anywhere in it turn expansion off; unbalanced quotes are an error. */
export function parseHeredocWord(word: string, escape = '\\'): { name: string; expand: boolean } | undefined {
  let name = '';
  let quote = '';
  let quoted = false;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (quote) {
      if (ch === quote) quote = '';
      else name += ch;
    } else if (ch === escape && i + 1 < word.length) name += word[++i];
    else if (ch === '"' || ch === "'") {
      quote = ch;
      quoted = true;
    } else name += ch;
  }
  if (quote) throw new ParseFail(`unterminated heredoc delimiter: ${word}`);
  if (!name || (!quoted && /\s/.test(name))) return undefined;
  return { name, expand: !quoted };
}

const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;

export function parse(text: string): ParseResult {
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  if (text.endsWith('\n')) lines.pop();
  let escape = '\\';
  const warnings: ParseWarning[] = [];
  const root = node('', { startLine: 1 });
  const seen = new Set<string>();
  let directives = true;
  const isComment = (l: string) => /^\s*#/.test(l);
  let contRe = /([^\\])\\[ \t]*$|^\\[ \t]*$/;
  const cont = (l: string): { line: string; end: boolean } => {
    const m = contRe.exec(l);
    if (!m) return { line: l, end: true };
    return { line: l.slice(0, m.index + (m[1] ? 1 : 0)), end: false };
  };
  let i = 0;
  try {
    while (i < lines.length) {
      let raw = lines[i];
      if (raw.length > MAX_LINE) throw new DockerfileParseError(`dockerfile line greater than max allowed size of ${MAX_LINE}`, i + 1);
      if (directives) {
        const d = DIRECTIVE.exec(raw);
        const key = d?.[1].toLowerCase();
        if (d && key && ['syntax', 'escape', 'check'].includes(key)) {
          if (seen.has(key)) throw new DockerfileParseError(`only one ${key} parser directive can be used`, i + 1);
          seen.add(key);
          if (key === 'escape') {
            if (d[2] !== '`' && d[2] !== '\\') throw new DockerfileParseError(`invalid escape token '${d[2]}' does not match \` or \\`, i + 1);
            escape = d[2];
            const e = escape === '\\' ? '\\\\' : escape;
            contRe = new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
          }
          i++;
          continue;
        }
        directives = false;
      }
      i++;
      const start = i;
      raw = raw.replace(/^\s+/, '');
      if (isComment(raw)) continue;
      let { line, end } = cont(raw);
      if (end && line.trim() === '') continue;
      let emptyInside = false;
      while (!end && i < lines.length) {
        const next = lines[i++];
        if (isComment(next)) continue;
        if (next.trim() === '') {
          emptyInside = true;
          continue;
        }
        const c = cont(next);
        line += c.line;
        end = c.end;
      }
      if (line.trim() === '') continue;
      const n = newNode(line, escape, start);
      n.endLine = i;
      if (emptyInside) warnings.push({ short: `Empty continuation line found in: ${line.trim()}`, line: start });
      const target = n.value === 'onbuild' ? n.next?.children[0] : n;
      if (target && HEREDOC_CMDS.has(target.value) && !target.attributes.json) {
        const docs: Heredoc[] = [];
        for (const h of heredocsFromLine(target.original.replace(/^\S+\s*/, ''), escape)) {
          const body: string[] = [];
          let found = false;
          while (i < lines.length) {
            const l = lines[i++];
            if ((h.chomp ? l.replace(/^\t+/, '') : l) === h.name) {
              found = true;
              break;
            }
            body.push(l);
          }
          if (!found && body.length && body[body.length - 1] === h.name) body.pop();
          docs.push({ name: h.name, content: body.map((b) => b + '\n').join(''), expand: h.expand, chomp: h.chomp, ...(h.fd ? { fileDescriptor: h.fd } : {}) } as Heredoc);
        }
        target.heredocs = docs;
        n.endLine = i;
      }
      root.children.push(n);
    }
  } catch (e) {
    if (e instanceof ParseFail) throw new DockerfileParseError(e.message, i);
    throw e;
  }
  if (root.children.length === 0) throw new DockerfileParseError('file with no instructions', 1);
  // The root spans its instructions (comments and directives before them are outside).
  root.startLine = root.children[0].startLine;
  root.endLine = root.children[root.children.length - 1].endLine;
  return { ast: root, escapeToken: escape, warnings };
}

/** Go's strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\v') out += '\\v';
    else if (c === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
    else if (c < 0x80) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** BuildKit's Node.Dump(): one `(instruction …)` per line. */
export function dump(n: Node): string {
  let s = n.value.toLowerCase();
  if (n.flags.length) s += ' [' + n.flags.map(goQuote).join(' ') + ']';
  for (const c of n.children) s += '(' + dump(c) + ')\n';
  for (let w = n.next; w; w = w.next) s += ' ' + (w.children.length ? dump(w) : goQuote(w.value));
  return s.trim();
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

/** `unknown instruction: RUNN (did you mean RUN?)`, in the case the user wrote. */
export function unknownInstruction(n: Node): string {
  const word = /^\S+/.exec(n.original)?.[0] ?? n.value;
  let best = '';
  let dist = 3;
  for (const k of INSTRUCTIONS) {
    const d = levenshtein(word.toLowerCase(), k);
    if (d < dist) [best, dist] = [k, d];
  }
  const hint = best ? ` (did you mean ${word === word.toLowerCase() ? best : best.toUpperCase()}?)` : '';
  return `unknown instruction: ${word}${hint}`;
}
