/**
 * Parser directives (BuildKit parser/directives.go): `# syntax=…`, `# escape=…`, `# check=…` in
 * the comment block at the very top. The first line that is not such a directive (an ordinary
 * comment, a blank line, an instruction, an unknown `# key=value`) ends the block for good.
 */
import { trimLeftGoSpace } from './go-quote';
import { ParseFail } from './line-parsers';

export const DIRECTIVE_NAMES = ['syntax', 'escape', 'check'] as const;

export interface Directive {
  name: string;
  value: string;
  line: number;
}

// Go's `\s` is [\t\n\f\r ] (ASCII only).
const DIRECTIVE_RE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/;

export class DirectiveParser {
  private line = 0;
  private done = false;
  private readonly seen = new Set<string>();

  /** The directive on this (left-trimmed) physical line, if the directive block is still open. */
  parseLine(text: string): Directive | undefined {
    this.line++;
    if (this.done) return undefined;
    if (!text.startsWith('#')) {
      this.done = true;
      return undefined;
    }
    const m = DIRECTIVE_RE.exec(trimLeftGoSpace(text.slice(1)));
    const name = m?.[1].toLowerCase();
    if (!m || !name || !(DIRECTIVE_NAMES as readonly string[]).includes(name)) {
      this.done = true;
      return undefined;
    }
    if (this.seen.has(name)) throw new ParseFail(`only one ${name} parser directive can be used`);
    this.seen.add(name);
    return { name, value: m[2], line: this.line };
  }
}

/** The escape token named by `# escape=`: only a backslash or a backtick. */
export function checkEscapeToken(value: string): string {
  if (value !== '`' && value !== '\\') throw new ParseFail(`invalid escape token '${value}' does not match \` or \\`);
  return value;
}
