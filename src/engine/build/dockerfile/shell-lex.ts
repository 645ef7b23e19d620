/**
 * BuildKit's word expander, ported from frontend/dockerfile/shell/lex.go: quotes are removed,
 * the escape token protects the next character, `$v` and `${v}` expand, with the modifiers
 * `:-` `-` `:+` `+` `:?` `?` `#` `##` `%` `%%` `/` `//`. It is not a POSIX shell: no command
 * substitution, arithmetic, IFS or filename globbing. The builder runs it over the instructions
 * in EXPANDING_INSTRUCTIONS; RUN/CMD/ENTRYPOINT bodies are left to the shell at run time.
 *
 * The structure follows lex.go closely (a character scanner, `processStopOn`, `processDollar`)
 * so that odd inputs behave as in Docker, quirks included (see `wordsBuffer` below).
 */
import { goQuote, isGoSpace } from './go-quote';
import { goExpand, patternToRegex, PatternError, trimPrefix, trimSuffix } from './shell-pattern';

export type Env = Map<string, string>;

/**
 * Instructions whose arguments the builder expands: the `Expand` methods of BuildKit's
 * instructions/commands.go (ENV, LABEL, ADD, COPY, WORKDIR, USER, VOLUME, STOPSIGNAL, ARG's
 * default), FROM (with the ARGs before it) and EXPOSE (dockerfile2llb). RUN expands only the
 * values of its `--mount` flags. ONBUILD stores its trigger as written; the trigger is expanded
 * when it runs in the child build, by its own instruction's rule.
 */
export const EXPANDING_INSTRUCTIONS: ReadonlySet<string> = new Set(['add', 'arg', 'copy', 'env', 'expose', 'from', 'label', 'stopsignal', 'user', 'volume', 'workdir']);

/** A failure of the expander, with BuildKit's text (`failed to process "…": …`). */
export class ShellLexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellLexError';
  }
}

export interface WordResult {
  result: string;
  matched: Set<string>;
  unmatched: Set<string>;
}

const EOF = '';
const isSpace = isGoSpace;
const isLetter = (ch: string) => /^\p{L}$/u.test(ch);
const isDigit = (ch: string) => /^\p{Nd}$/u.test(ch);

export class ShellLex {
  /** Keep quote characters in the result (heredoc detection, displayed step names). */
  rawQuotes = false;
  /** Keep escape characters in the result. */
  rawEscapes = false;
  /** Treat quotes as ordinary characters. */
  skipProcessQuotes = false;
  /** Leave `$v`/`${v…}` of unset variables as written instead of expanding them to nothing. */
  skipUnsetEnv = false;

  constructor(readonly escapeToken = '\\') {}

  /** One word: quotes removed, escapes applied, variables expanded (FROM, COPY, ENV values …). */
  processWord(word: string, env: Env): string {
    return new ShellWord(this, word, env).process(word).result;
  }

  /** Expansion then field splitting on unquoted whitespace (EXPOSE; heredoc words). */
  processWords(word: string, env: Env): string[] {
    return new ShellWord(this, word, env).process(word).words;
  }

  /** processWord plus the variable names it looked up, found (`matched`) or not (`unmatched`). */
  processWordWithMatches(word: string, env: Env): WordResult {
    const sw = new ShellWord(this, word, env);
    const r = sw.process(word);
    return { result: r.result, matched: sw.matches, unmatched: sw.nonmatches };
  }
}

/** lex.go's wordsStruct: collects words, splitting on whitespace added with addChar. */
class Words {
  words: string[] = [];
  inWord = false;
  constructor(private readonly sw: ShellWord) {}
  addChar(ch: string): void {
    if (isSpace(ch) && this.inWord) {
      if (this.sw.wordsBuffer !== '') {
        this.words.push(this.sw.wordsBuffer);
        this.sw.wordsBuffer = '';
        this.inWord = false;
      }
    } else if (!isSpace(ch)) this.addRawChar(ch);
  }
  addRawChar(ch: string): void {
    this.sw.wordsBuffer += ch;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  addRawString(s: string): void {
    this.sw.wordsBuffer += s;
    this.inWord = true;
  }
  getWords(): string[] {
    if (this.sw.wordsBuffer !== '') {
      this.words.push(this.sw.wordsBuffer);
      this.sw.wordsBuffer = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class ShellWord {
  private readonly chars: string[];
  private pos = 0;
  private rawEscapes: boolean;
  /**
   * One buffer shared by the nested `processStopOn` calls, as in lex.go since BuildKit 1.10
   * ("update env replacement efficiency"): a `${v:-w}` inside a word resets it, so
   * processWords("ab${x:-c}d") gives ["cd"] in Docker too. Only EXPOSE and heredoc words use
   * the word list.
   */
  wordsBuffer = '';
  readonly matches = new Set<string>();
  readonly nonmatches = new Set<string>();

  constructor(private readonly lex: ShellLex, word: string, private readonly env: Env) {
    this.chars = Array.from(word);
    this.rawEscapes = lex.rawEscapes;
  }

  private peek(): string {
    return this.pos < this.chars.length ? this.chars[this.pos] : EOF;
  }

  private next(): string {
    return this.pos < this.chars.length ? this.chars[this.pos++] : EOF;
  }

  process(source: string): { result: string; words: string[] } {
    try {
      return this.processStopOn(EOF, this.rawEscapes);
    } catch (e) {
      if (e instanceof ShellLexError) throw new ShellLexError(`failed to process ${goQuote(source)}: ${e.message}`);
      throw e;
    }
  }

  /**
   * A part of `${…}` up to `stopChar` (a word, a pattern, a replacement); when the text ends before
   * it, BuildKit's `missing` message rather than processStopOn's own.
   */
  private partOfBraces(stopChar: string, rawEscapes: boolean, missing: string): string {
    try {
      return this.processStopOn(stopChar, rawEscapes).result;
    } catch (e) {
      if (this.peek() === EOF) throw new ShellLexError(missing);
      throw e;
    }
  }

  /** Read up to `stopChar` (consumed) or the end; an unmet `stopChar` is an error. */
  private processStopOn(stopChar: string, rawEscapes: boolean): { result: string; words: string[] } {
    let result = '';
    this.wordsBuffer = '';
    const words = new Words(this);
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.peek() !== EOF) {
        let ch = this.peek();
        if (stopChar !== EOF && ch === stopChar) {
          this.next();
          return { result, words: words.getWords() };
        }
        const special = ch === '$' || ch === '<' || (!this.lex.skipProcessQuotes && (ch === "'" || ch === '"'));
        if (special) {
          const tmp = ch === '$' ? this.processDollar() : ch === '<' ? this.processPossibleHeredoc() : ch === "'" ? this.processSingleQuote() : this.processDoubleQuote();
          result += tmp;
          if (ch === '$') words.addString(tmp);
          else words.addRawString(tmp);
          continue;
        }
        ch = this.next();
        if (ch === this.lex.escapeToken) {
          if (this.rawEscapes) {
            words.addRawChar(ch);
            result += ch;
          }
          // The escape token escapes the next character; alone at the end it is dropped.
          ch = this.next();
          if (ch === EOF) break;
          words.addRawChar(ch);
        } else words.addChar(ch);
        result += ch;
      }
      if (stopChar !== EOF) throw new ShellLexError(`unexpected end of statement while looking for matching ${stopChar}`);
      return { result, words: words.getWords() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  /** Everything up to the next `'` is literal; no escapes inside. */
  private processSingleQuote(): string {
    let result = '';
    let ch = this.next();
    if (this.lex.rawQuotes) result += ch;
    for (;;) {
      ch = this.next();
      if (ch === EOF) throw new ShellLexError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") {
        if (this.lex.rawQuotes) result += ch;
        return result;
      }
      result += ch;
    }
  }

  /** `$` expands inside; the escape token only escapes `"`, `$` and itself (else it stays). */
  private processDoubleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.lex.rawQuotes) result += open;
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new ShellLexError('unexpected end of statement while looking for matching double-quote');
      if (p === '"') {
        const ch = this.next();
        if (this.lex.rawQuotes) result += ch;
        return result;
      }
      if (p === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.lex.escapeToken) {
        if (this.rawEscapes) result += ch;
        const after = this.peek();
        if (after === EOF) continue; // a trailing escape is ignored (then the quote is unmatched)
        if (after === '"' || after === '$' || after === this.lex.escapeToken) ch = this.next();
      }
      result += ch;
    }
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const v = this.getEnv(name);
      if (v === undefined && this.lex.skipUnsetEnv) return '$' + name;
      return v ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new ShellLexError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new ShellLexError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    // Go prints the scanner's EOF (-1) as U+FFFD in `unsupported modifier (…)`.
    let chs = ch || '\uFFFD';
    let nullIsUnset = false;
    if (ch === '}') {
      const v = this.getEnv(name);
      if (v === undefined && this.lex.skipUnsetEnv) return `\${${name}}`;
      return v ?? '';
    }
    if (ch === ':' || ch === '+' || ch === '-' || ch === '?' || ch === '#' || ch === '%') {
      if (ch === ':') {
        nullIsUnset = true;
        ch = this.next();
        chs += ch || '\uFFFD';
      }
      // Patterns keep their escapes (`\*` is a literal star); `:#` and `:%` do not exist.
      const rawEscapes = ch === '#' || ch === '%';
      if (nullIsUnset && rawEscapes) throw new ShellLexError(`unsupported modifier (${chs}) in substitution`);
      let word = this.partOfBraces('}', rawEscapes, "syntax error: missing '}'");
      const value = this.getEnv(name);
      const set = value !== undefined;
      if (this.lex.skipUnsetEnv && !set) return `\${${name}${chs}${word}}`;
      const empty = !set || (nullIsUnset && value === '');
      switch (ch) {
        case '-':
          return empty ? word : value!;
        case '+':
          return empty ? '' : word;
        case '?':
          if (!set) throw new ShellLexError(`${name}: ${word || 'is not allowed to be unset'}`);
          if (nullIsUnset && value === '') throw new ShellLexError(`${name}: ${word || 'is not allowed to be empty'}`);
          return value!;
        case '%':
        case '#': {
          // `%`/`#` remove the shortest match, `%%`/`##` the longest.
          let greedy = false;
          if (word.startsWith(ch)) {
            greedy = true;
            word = word.slice(1);
          }
          try {
            return ch === '%' ? trimSuffix(word, value ?? '', greedy) : trimPrefix(word, value ?? '', greedy);
          } catch (e) {
            throw invalidPattern(word, e);
          }
        }
        default:
          throw new ShellLexError(`unsupported modifier (${chs}) in substitution`);
      }
    }
    if (ch === '/') {
      const all = this.peek() === '/';
      if (all) this.next();
      const pattern = this.partOfBraces('/', true, "syntax error: missing '/' in ${}");
      const replacement = this.partOfBraces('}', true, "syntax error: missing '}'");
      const value = this.getEnv(name);
      if (this.lex.skipUnsetEnv && value === undefined) return `\${${name}/${pattern}/${replacement}}`;
      let re: RegExp;
      try {
        re = patternToRegex(pattern, true, false, all);
      } catch (e) {
        throw invalidPattern(pattern, e);
      }
      const v = value ?? '';
      if (all) return v.replace(re, () => goExpand(replacement));
      const m = re.exec(v);
      return m ? v.slice(0, m.index) + replacement + v.slice(m.index + m[0].length) : v;
    }
    throw new ShellLexError(`unsupported modifier (${chs}) in substitution`);
  }

  /** A name: letters, digits, `_`; or a run of digits; or one special parameter. */
  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name === '' && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += this.next();
        return name;
      }
      if (name === '' && '@*#?-$!0'.includes(ch)) return this.next();
      if (!isLetter(ch) && !isDigit(ch) && ch !== '_') break;
      name += this.next();
    }
    return name;
  }

  /** `<<` and the blanks after it stay together, so `<< EOF` is one word for heredoc detection. */
  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== '<') return '<';
    this.next();
    let space = '';
    while (this.peek() === '\t' || this.peek() === '\r' || this.peek() === ' ') space += this.next();
    return '<<' + space;
  }

  private getEnv(name: string): string | undefined {
    const v = this.env.get(name);
    if (v === undefined) this.nonmatches.add(name);
    else this.matches.add(name);
    return v;
  }
}

/** `invalid pattern (P) in substitution: invalid escape '\x'`. */
function invalidPattern(pattern: string, e: unknown): unknown {
  return e instanceof PatternError ? new ShellLexError(`invalid pattern (${pattern}) in substitution: ${e.message}`) : e;
}
