/**
 * The shell's syntax tree. Words keep their quoting structure until expansion, because quoting
 * decides field splitting, globbing and which characters a pattern treats literally.
 */

export type WordPart =
  /** Unquoted text (glob characters in it are live). */
  | { type: 'lit'; text: string }
  /** Quoted text: '…', $'…', a backslash escape, or literal text inside "…". */
  | { type: 'sq'; text: string }
  | { type: 'dq'; parts: WordPart[] }
  | { type: 'param'; name: string; op?: ParamOp; arg?: Word; repl?: Word; length?: boolean }
  | { type: 'cmdsub'; body: List }
  | { type: 'arith'; expr: Word }
  /** A leading `~` or `~user` (only produced where tilde expansion applies). */
  | { type: 'tilde'; user: string };

/** `-` `:-` `=` `:=` `+` `:+` `?` `:?` `#` `##` `%` `%%` `/` `//` `/#` `/%` */
export type ParamOp = string;

export interface Word {
  parts: WordPart[];
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redir {
  /** The file descriptor redirected (undefined means the operator's default: 0 for <, 1 for >). */
  fd?: number;
  op: RedirOp;
  target: Word;
  /** Here-document body: a Word (expanded) when the delimiter was unquoted, else literal text. */
  heredoc?: Word;
}

export interface Assign {
  name: string;
  value: Word;
  append?: boolean;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assign[];
  words: Word[];
  redirs: Redir[];
  line: number;
}

export interface Subshell { type: 'subshell'; body: List; redirs: Redir[] }
export interface Group { type: 'group'; body: List; redirs: Redir[] }
export interface If { type: 'if'; clauses: { cond: List; body: List }[]; else?: List; redirs: Redir[] }
export interface Loop { type: 'while' | 'until'; cond: List; body: List; redirs: Redir[] }
export interface For { type: 'for'; name: string; items?: Word[]; body: List; redirs: Redir[] }
export interface Case {
  type: 'case';
  word: Word;
  items: { patterns: Word[]; body: List; fallthrough?: ';&' | ';;&' }[];
  redirs: Redir[];
}
export interface FuncDef { type: 'func'; name: string; body: Command; redirs: Redir[] }
export interface ArithCmd { type: 'arithcmd'; expr: Word; redirs: Redir[] }
export interface CondCmd { type: 'cond'; expr: CondExpr; redirs: Redir[] }

export type CondExpr =
  | { type: 'and' | 'or'; left: CondExpr; right: CondExpr }
  | { type: 'not'; expr: CondExpr }
  | { type: 'unary'; op: string; arg: Word }
  | { type: 'binary'; op: string; left: Word; right: Word }
  | { type: 'word'; word: Word };

export type Command = SimpleCommand | Subshell | Group | If | Loop | For | Case | FuncDef | ArithCmd | CondCmd;

export interface Pipeline {
  type: 'pipeline';
  bang: boolean;
  cmds: Command[];
  /** `|&`: stderr of stage i goes to the pipe too. */
  stderrToo?: boolean[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface ListItem {
  cmd: AndOr;
  background: boolean;
  /** Source text of the item (for `jobs` and history). */
  text: string;
}

export interface List {
  type: 'list';
  items: ListItem[];
}

export function lit(text: string): Word {
  return { parts: [{ type: 'lit', text }] };
}

/** The word's text when it is plain unquoted literal text (reserved words, names), else undefined. */
export function plainText(w: Word): string | undefined {
  let s = '';
  for (const p of w.parts) {
    if (p.type !== 'lit') return undefined;
    s += p.text;
  }
  return s;
}
