/** What the lexer hands the parser, and the syntax error both raise (bash's wording). */
import type { Word } from './ast';

export type Token =
  | { kind: 'word'; word: Word; raw: string; start: number }
  | { kind: 'ionum'; fd: number; start: number }
  | { kind: 'op'; op: string; start: number }
  | { kind: 'nl'; start: number }
  | { kind: 'eof'; start: number };

export class ParseError extends Error {
  constructor(
    /** The unexpected token's text, or undefined for an unexpected end of input. */
    readonly token: string | undefined,
    readonly line: number,
    message?: string,
  ) {
    super(message ?? (token === undefined ? 'syntax error: unexpected end of file' : `syntax error near unexpected token \`${token}'`));
    this.name = 'ParseError';
  }
  get incomplete(): boolean {
    return this.token === undefined;
  }
}
