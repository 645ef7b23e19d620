/**
 * The Dockerfile parser, ported from BuildKit's frontend/dockerfile/parser (parser.go):
 * physical lines are joined into logical lines at the escape token (comment lines inside a
 * continuation are dropped, empty ones too, with a warning), parser directives are read from the
 * top comment block (directives.ts), each logical line becomes an instruction node whose
 * arguments are split by the dispatch table (line-parsers.ts), and RUN/COPY/ADD lines with
 * heredoc words (heredoc.ts) take the following lines as bodies. Quotes are kept; the builder
 * removes them when it expands words (shell-lex.ts). `dump()` is BuildKit's `Node.Dump()`.
 */
import { DockerfileParseError, type Heredoc, type Node, type ParseResult, type ParseWarning } from './ast';
import { checkEscapeToken, DirectiveParser } from './directives';
import { goQuote, trimGoSpace, trimLeftGoSpace } from './go-quote';
import { heredocsFromLine } from './heredoc';
import { dispatch, node, ParseFail, splitCommand } from './line-parsers';

export { goQuote } from './go-quote';
export { chompHeredocContent, heredocsFromLine, parseHeredoc } from './heredoc';
export { parseWords } from './line-parsers';

/** Every instruction keyword BuildKit knows (command.Commands), lower case. */
export const INSTRUCTIONS = ['add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir'];

const HEREDOC_INSTRUCTIONS = new Set(['add', 'copy', 'run']);
/** bufio.Scanner's limit (MaxScanTokenSize - 1). */
const MAX_LINE = 65535;
const EMPTY_CONTINUATION_URL = 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/';

/** The arguments of an instruction node as an array (walking `next`). */
export function words(n: Node): string[] {
  const out: string[] = [];
  for (let w = n.next; w; w = w.next) out.push(w.value);
  return out;
}

/** The lines of the text, each with its `\n` (bufio scanLines as BuildKit's parser uses it). */
function scanLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

const trimNewline = (s: string) => s.replace(/[\r\n]+$/, '');
const trimLeadingWhitespace = trimLeftGoSpace;
const isComment = (s: string) => trimLeadingWhitespace(s).startsWith('#');
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** `([^X])X[ \t]*$|^X[ \t]*$` with X the escape token: the escape ends a line that continues. */
function continuationRegex(escape: string): RegExp {
  const x = escape === '\\' ? '\\\\' : escape;
  return new RegExp(`([^${x}])${x}[ \\t]*$|^${x}[ \\t]*$`);
}

export function parse(text: string): ParseResult {
  const lines = scanLines(text);
  let next = 0;
  let escapeToken = '\\';
  let continuation = continuationRegex(escapeToken);
  const directives = new DirectiveParser();
  let tooLong = false;
  const scan = (): string | undefined => {
    if (tooLong || next >= lines.length) return undefined;
    // (A UTF-16 unit is at most 3 UTF-8 bytes: only long lines need counting.)
    if (lines[next].length * 3 > MAX_LINE && utf8Length(trimNewline(lines[next])) > MAX_LINE) {
      tooLong = true; // the scanner stops here; the error comes after what was read
      return undefined;
    }
    return lines[next++];
  };
  const fail = (e: unknown, line: number): never => {
    // BuildKit reports some of these at line 0 (before the first line is counted); the
    // simulator's excerpt needs a real line.
    if (e instanceof ParseFail) throw new DockerfileParseError(e.message, Math.max(1, line));
    throw e;
  };
  // A directive is looked for on every line BuildKit's processLine sees (it stops at the first
  // line that is not one); comment lines come back empty. Errors point at `errorLine`.
  const processLine = (token: string, stripLeft: boolean, errorLine: number): { text: string; directive: boolean } => {
    token = trimNewline(token);
    if (stripLeft) token = trimLeadingWhitespace(token);
    try {
      const d = directives.parseLine(token);
      if (d?.name === 'escape') {
        escapeToken = checkEscapeToken(d.value);
        continuation = continuationRegex(escapeToken);
      }
      return { text: isComment(token) ? '' : token, directive: d !== undefined };
    } catch (e) {
      return fail(e, errorLine);
    }
  };
  const trimContinuation = (line: string): { line: string; end: boolean } => {
    if (!continuation.test(line)) return { line, end: true };
    return { line: line.replace(continuation, '$1'), end: false };
  };

  const root = node('', { startLine: -1 });
  const warnings: ParseWarning[] = [];
  let comments: string[] = [];
  let currentLine = 0;
  for (let raw = scan(); raw !== undefined; raw = scan()) {
    if (currentLine === 0) raw = raw.replace(/^\uFEFF/, '');
    if (isComment(raw)) {
      // As in BuildKit: the `#` is assumed to be the first character.
      const comment = trimGoSpace(raw.slice(1));
      if (comment === '') comments = [];
      else comments.push(comment);
    }
    const first = processLine(raw, true, currentLine);
    if (first.directive) comments.pop();
    currentLine++;
    const startLine = currentLine;
    let { line: buf, end } = trimContinuation(first.text);
    if (end && buf === '') continue;

    let hasEmptyContinuationLine = false;
    while (!end) {
      const more = scan();
      if (more === undefined) break; // a continuation at the end of the file just ends
      const p = processLine(more, false, currentLine);
      currentLine++;
      if (isComment(more)) continue;
      if (trimLeadingWhitespace(p.text) === '') {
        hasEmptyContinuationLine = true;
        continue;
      }
      const t = trimContinuation(p.text);
      buf += t.line;
      end = t.end;
    }
    const line = buf;
    if (hasEmptyContinuationLine) {
      warnings.push({
        short: `Empty continuation line found in: ${line}`,
        detail: ['Empty continuation lines will become errors in a future release'],
        url: EMPTY_CONTINUATION_URL,
        line: currentLine,
      });
    }

    let child: Node;
    try {
      child = newNodeFromLine(line, escapeToken, comments);
    } catch (e) {
      return fail(e, startLine);
    }
    if (canContainHeredoc(child) && line.includes('<<')) {
      let docs: Heredoc[];
      try {
        docs = heredocsFromLine(line);
      } catch (e) {
        // Unbalanced quotes in a delimiter: the expander's `failed to process "…": …`.
        throw new DockerfileParseError((e as Error).message, startLine);
      }
      for (const doc of docs) {
        let terminated = false;
        let content = '';
        for (let body = scan(); body !== undefined; body = scan()) {
          currentLine++;
          let candidate = trimNewline(body);
          if (doc.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === doc.name) {
            terminated = true;
            break;
          }
          content += body;
        }
        if (!terminated) throw new DockerfileParseError('unterminated heredoc', startLine);
        child.heredocs.push({ ...doc, content });
      }
    }
    child.startLine = startLine;
    child.endLine = currentLine;
    if (root.startLine < 0) root.startLine = startLine;
    root.endLine = currentLine;
    root.children.push(child);
    comments = [];
  }
  if (root.startLine < 0) throw new DockerfileParseError('file with no instructions', Math.max(1, currentLine));
  if (tooLong) throw new DockerfileParseError(`dockerfile line greater than max allowed size of ${MAX_LINE}`, Math.max(1, currentLine));
  return { ast: root, escapeToken, warnings };
}

/** One instruction: keyword (lower-cased), flags, and arguments by the dispatch table. */
function newNodeFromLine(line: string, escapeToken: string, comments: string[]): Node {
  const { cmd, flags, args } = splitCommand(line, escapeToken);
  const parsed = dispatch(cmd, args, {
    escapeToken,
    subCommand: (rest) => newNodeFromLine(rest, escapeToken, []),
  });
  return node(cmd.toLowerCase(), {
    flags,
    next: parsed.next,
    attributes: parsed.json ? { json: true } : {},
    original: line,
    prevComment: [...comments],
  });
}

/** RUN/COPY/ADD in shell form, also as an ONBUILD trigger, may have heredocs. */
function canContainHeredoc(n: Node): boolean {
  if (n.value === 'onbuild' && n.next && n.next.children.length > 0) n = n.next.children[0];
  return HEREDOC_INSTRUCTIONS.has(n.value) && !n.attributes.json;
}

/** BuildKit's Node.Dump(): one `(instruction …)` per line. */
export function dump(n: Node): string {
  let s = n.value.toLowerCase();
  if (n.flags.length) s += ' [' + n.flags.map(goQuote).join(' ') + ']';
  for (const c of n.children) s += '(' + dump(c) + ')\n';
  for (let w = n.next; w; w = w.next) s += ' ' + (w.children.length ? dump(w) : goQuote(w.value));
  return trimGoSpace(s);
}

/**
 * What a step's cache entry is keyed on: the instruction as BuildKit parsed it (splitCommand trims
 * the line, so trailing spaces or a lower-case keyword change nothing), its flags and heredoc
 * bodies — not the line as written.
 */
export function instructionKey(n: Node): string {
  const heredocs = n.heredocs.map((h) => `<<${h.expand ? '' : "'"}${h.name}\n${h.content}`).join('\n');
  return dump(n) + (n.attributes.json ? ' json' : '') + (heredocs ? '\n' + heredocs : '');
}

/** Levenshtein distance (agext/levenshtein with default costs). */
export function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

/**
 * `unknown instruction: RUNN (did you mean RUN?)` (instructions/parse.go with util/suggest): the
 * word as written; a suggestion within distance 2, in upper case when the word was all upper
 * case, else lower case.
 */
export function unknownInstruction(n: Node): string {
  const word = /^\S+/.exec(trimGoSpace(n.original))?.[0] ?? n.value;
  const lower = word.toLowerCase();
  let best = '';
  let dist = 3;
  for (const k of INSTRUCTIONS) {
    if (k === lower) return `unknown instruction: ${word}`;
    const d = levenshtein(lower, k);
    if (d < dist) [best, dist] = [k, d];
  }
  const suggestion = word === lower ? best : word === word.toUpperCase() ? best.toUpperCase() : best;
  return `unknown instruction: ${word}${best ? ` (did you mean ${suggestion}?)` : ''}`;
}
