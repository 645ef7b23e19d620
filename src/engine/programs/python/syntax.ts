/** The syntax tree of the Python subset (`parse.ts` builds it, `interp.ts` runs it) and its SyntaxError. */
export type Expr =
  | { k: 'num'; v: number; float: boolean }
  | { k: 'str'; v: string }
  | { k: 'fstr'; parts: (string | Expr)[] }
  | { k: 'name'; id: string }
  | { k: 'const'; v: null | boolean }
  | { k: 'list' | 'tuple'; items: Expr[] }
  | { k: 'dict'; items: [Expr, Expr][] }
  | { k: 'attr'; obj: Expr; name: string }
  | { k: 'index'; obj: Expr; index: Expr }
  | { k: 'call'; fn: Expr; args: Expr[]; kwargs: [string, Expr][] }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'unary'; op: string; a: Expr }
  | { k: 'bool'; op: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'cmp'; ops: string[]; items: Expr[] }
  | { k: 'ifexp'; test: Expr; a: Expr; b: Expr }
  | { k: 'listcomp'; elt: Expr; target: Expr; iter: Expr; cond?: Expr };

export type Stmt = { line: number } & (
  | { k: 'expr'; e: Expr }
  | { k: 'assign'; targets: Expr[]; value: Expr }
  | { k: 'augassign'; target: Expr; op: string; value: Expr }
  | { k: 'import'; names: [string, string | undefined][] }
  | { k: 'from'; module: string; names: [string, string | undefined][] }
  | { k: 'def'; name: string; params: { name: string; def?: Expr; star?: '*' | '**' }[]; body: Stmt[]; decorators: Expr[] }
  | { k: 'if'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: 'while'; test: Expr; body: Stmt[] }
  | { k: 'for'; target: Expr; iter: Expr; body: Stmt[] }
  | { k: 'try'; body: Stmt[]; handlers: { type?: Expr; name?: string; body: Stmt[] }[]; final: Stmt[] }
  | { k: 'return'; e?: Expr }
  | { k: 'raise'; e?: Expr }
  | { k: 'pass' | 'break' | 'continue' }
  | { k: 'global'; names: string[] }
);

export class PySyntaxError extends Error {
  constructor(msg: string, readonly line: number, readonly text = '') {
    super(msg);
  }
}
