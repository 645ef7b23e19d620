/** The syntax tree of an awk program, and the errors and jumps the interpreter throws. */

export type Val = string | number;
export type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Node }
  | { k: 'idx'; name: string; keys: Node[] }
  | { k: 'assign'; op: string; target: Node; e: Node }
  | { k: 'cond'; c: Node; a: Node; b: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'un'; op: string; e: Node }
  | { k: 'incdec'; op: string; prefix: boolean; target: Node }
  | { k: 'in'; keys: Node[]; name: string }
  | { k: 'match'; neg: boolean; a: Node; re: Node }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'group'; e: Node };
export type Stmt =
  | { k: 'expr'; e: Node }
  | { k: 'print'; args: Node[]; f: boolean; dest?: { op: string; e: Node } }
  | { k: 'if'; c: Node; t: Stmt; f?: Stmt }
  | { k: 'while'; c: Node; body: Stmt }
  | { k: 'do'; c: Node; body: Stmt }
  | { k: 'for'; init?: Stmt; c?: Node; step?: Stmt; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; e?: Node }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; keys?: Node[] };
export interface Item {
  pattern?: Node;
  range?: [Node, Node];
  begin?: boolean;
  end?: boolean;
  action?: Stmt;
  active?: boolean;
}


/** A program text awk refuses (reported as `awk: line 1: <message>`, exit 2). */
export class AwkSyntax extends Error {}
export class Next {}
export class Exit {
  constructor(readonly code: number) {}
}
export class Break {}
export class Continue {}

/** The built-in function names: the lexer tags them so `length` works without parentheses. */
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'toupper', 'tolower', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand']);
