/**
 * How each instruction's arguments are split (BuildKit parser/line_parsers.go and
 * split_command.go): the dispatch table. The parser keeps quotes; removing them is the word
 * expander's job (shell-lex.ts), done by the builder.
 */
import type { Node } from './ast';
import { goQuote, isGoSpace, trimGoSpace, trimLeftGoSpace } from './go-quote';

/** A parse failure without a line yet; parse() attaches the instruction's line. */
export class ParseFail extends Error {}

export function node(value: string, extra: Partial<Node> = {}): Node {
  return { value, children: [], heredocs: [], flags: [], attributes: {}, original: '', startLine: 0, endLine: 0, ...extra };
}

/** A linked list of argument nodes (`Node.next`), undefined for none. */
export function chain(words: string[]): Node | undefined {
  let head: Node | undefined;
  for (let i = words.length - 1; i >= 0; i--) head = node(words[i], { next: head });
  return head;
}

const isSpace = isGoSpace;
/** Go's regexp `[\t\v\f\r ]+`, the separator of whitespace-delimited arguments. */
const WHITESPACE = /[\t\v\f\r ]+/;

interface Args {
  next?: Node;
  json?: boolean;
}

export interface LineContext {
  escapeToken: string;
  /** Builds the nested instruction of ONBUILD. */
  subCommand(line: string): Node;
}

/** Quote-aware words; quotes and escapes are kept as written (BuildKit's parseWords). */
export function parseWords(rest: string, escape: string): string[] {
  const words: string[] = [];
  const chars = Array.from(rest);
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let blankOK = false;
  let word = '';
  for (let pos = 0; pos <= chars.length; pos++) {
    let ch = chars[pos];
    if (phase === 'spaces') {
      if (pos === chars.length) break;
      if (isSpace(ch)) continue;
      phase = 'word';
    }
    if (pos === chars.length) {
      if (blankOK || word) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (blankOK || word) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === escape) {
        if (pos + 1 === chars.length) continue; // an escape at the very end is dropped
        // Outside quotes the escape and the next character are both kept, even a quote.
        word += ch;
        ch = chars[++pos];
      }
      word += ch;
      continue;
    }
    // Inside quotes; the escape token means nothing inside single quotes.
    if (ch === quote) phase = 'word';
    if (ch === escape && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      word += ch;
      ch = chars[++pos];
    }
    word += ch;
  }
  return words;
}

/** ENV and LABEL: `key value…` (old form, one pair) or `k=v k2=v2` as (key, value, sep) triples. */
function parseNameVal(rest: string, key: string, escape: string): Node | undefined {
  const words = parseWords(rest, escape);
  if (words.length === 0) return undefined;
  if (!words[0].includes('=')) {
    const m = /^([\s\S]*?)[\t\v\f\r ]+([\s\S]*)$/.exec(rest);
    if (!m) throw new ParseFail(`${key} must have two arguments`);
    return chain([m[1], m[2], '']);
  }
  const out: string[] = [];
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq < 0) throw new ParseFail(`Syntax error - can't find = in ${goQuote(w)}. Must be of the form: name=value`);
    out.push(w.slice(0, eq), w.slice(eq + 1), '=');
  }
  return chain(out);
}

class NotJSON extends Error {}
const NOT_STRINGS = 'when using JSON array syntax, arrays must be comprised of strings only';

/** A JSON array of strings; NotJSON when the text is not JSON (then other rules apply). */
function parseJSON(rest: string): Args {
  rest = trimLeftGoSpace(rest);
  if (!rest.startsWith('[')) throw new NotJSON();
  let v: unknown;
  try {
    v = JSON.parse(rest);
  } catch {
    throw new NotJSON();
  }
  if (!Array.isArray(v)) throw new NotJSON();
  if (!v.every((x) => typeof x === 'string')) throw new ParseFail(NOT_STRINGS);
  return { next: chain(v as string[]), json: true };
}

function parseMaybeJSON(rest: string): Args {
  if (rest === '') return {};
  try {
    return parseJSON(rest);
  } catch (e) {
    if (!(e instanceof NotJSON)) throw e;
  }
  return { next: node(rest) };
}

function parseStringsWhitespaceDelimited(rest: string): Args {
  if (rest === '') return {};
  return { next: chain(rest.split(WHITESPACE)) };
}

function parseMaybeJSONToList(rest: string): Args {
  try {
    return parseJSON(rest);
  } catch (e) {
    if (!(e instanceof NotJSON)) throw e;
  }
  return parseStringsWhitespaceDelimited(rest);
}

/** HEALTHCHECK: the type word (`CMD`, `NONE`), then the rest as RUN's arguments. */
function parseHealthConfig(rest: string): Args {
  let sep = 0;
  while (sep < rest.length && !isSpace(rest[sep])) sep++;
  let next = sep;
  while (next < rest.length && isSpace(rest[next])) next++;
  if (sep === 0) return {};
  const cmd = parseMaybeJSON(rest.slice(next));
  return { next: node(rest.slice(0, sep), { next: cmd.next }), json: cmd.json };
}

type LineParser = (rest: string, ctx: LineContext) => Args;

/** The dispatch table; instructions not in it get one empty argument (parseIgnore). */
export const DISPATCH: Record<string, LineParser> = {
  add: parseMaybeJSONToList,
  arg: (rest, ctx) => ({ next: chain(parseWords(rest, ctx.escapeToken)) }), // parseNameOrNameVal
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: (rest, ctx) => ({ next: parseNameVal(rest, 'ENV', ctx.escapeToken) }),
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: (rest, ctx) => ({ next: parseNameVal(rest, 'LABEL', ctx.escapeToken) }),
  maintainer: (rest) => ({ next: rest === '' ? undefined : node(rest) }),
  onbuild: (rest, ctx) => ({ next: rest === '' ? undefined : node('', { children: [ctx.subCommand(rest)] }) }),
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: (rest) => ({ next: rest === '' ? undefined : node(rest) }),
  user: (rest) => ({ next: rest === '' ? undefined : node(rest) }),
  volume: parseMaybeJSONToList,
  workdir: (rest) => ({ next: rest === '' ? undefined : node(rest) }),
};

export function dispatch(cmd: string, rest: string, ctx: LineContext): Args {
  const fn = DISPATCH[cmd.toLowerCase()];
  return fn ? fn(rest, ctx) : { next: node('') };
}

/**
 * The instruction word, its leading `--flags` (quotes removed, escapes applied, a bare `--`
 * ends them) and the rest, trimmed (BuildKit's splitCommand + extractBuilderFlags).
 */
export function splitCommand(line: string, escape: string): { cmd: string; flags: string[]; args: string } {
  const trimmed = trimGoSpace(line);
  const m = /^([\s\S]*?)[\t\v\f\r ]+([\s\S]*)$/.exec(trimmed);
  if (!m) return { cmd: trimmed, flags: [], args: '' };
  const { rest, flags } = extractBuilderFlags(m[2], escape);
  return { cmd: m[1], flags, args: trimGoSpace(rest) };
}

function extractBuilderFlags(line: string, escape: string): { rest: string; flags: string[] } {
  const flags: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = '';
  let blankOK = false;
  for (let pos = 0; pos <= line.length; pos++) {
    let ch = line[pos];
    if (phase === 'spaces') {
      if (pos === line.length) break;
      if (isSpace(ch)) continue;
      if (ch !== '-' || line[pos + 1] !== '-') return { rest: line.slice(pos), flags };
      phase = 'word';
    }
    if (pos === line.length) {
      if (word !== '--' && (blankOK || word)) flags.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (word === '--') return { rest: line.slice(pos), flags };
        if (blankOK || word) flags.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
        continue;
      }
      if (ch === escape) {
        if (pos + 1 === line.length) continue;
        ch = line[++pos];
      }
      word += ch;
      continue;
    }
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === escape) {
      if (pos + 1 === line.length) {
        phase = 'word';
        continue;
      }
      ch = line[++pos];
    }
    word += ch;
  }
  return { rest: '', flags };
}
