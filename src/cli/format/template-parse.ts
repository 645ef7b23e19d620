/**
 * Lexer and parser for the subset of Go's text/template that docker `--format` strings use.
 * Errors carry Go's wording (`template: :1: function "foo" not defined`) because the CLI prints
 * them after `template parsing error: `.
 */

export type Arg =
  | { k: 'dot'; pos: number }
  | { k: 'field'; chain: string[]; pos: number; text: string }
  | { k: 'var'; name: string; chain: string[]; pos: number; text: string }
  | { k: 'ident'; name: string; pos: number }
  | { k: 'str'; v: string; pos: number }
  | { k: 'num'; v: number; pos: number }
  | { k: 'bool'; v: boolean; pos: number }
  | { k: 'nil'; pos: number }
  | { k: 'sub'; pipe: Pipe; chain: string[]; pos: number };

export interface Cmd { args: Arg[]; pos: number }
export interface Pipe { decl: string[]; assign: boolean; cmds: Cmd[]; pos: number }

export type Node =
  | { k: 'text'; s: string }
  | { k: 'action'; pipe: Pipe; pos: number }
  | { k: 'if' | 'with' | 'range'; pipe: Pipe; list: Node[]; elseList: Node[] | null; pos: number }
  | { k: 'break' | 'continue'; pos: number };

export class TemplateError extends Error {}

type Tok = { t: string; v: string; pos: number };

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue', 'nil', 'true', 'false']);

/** Split the source into text and action token runs. */
function lex(src: string): Array<{ text: string } | { toks: Tok[]; pos: number }> {
  const items: Array<{ text: string } | { toks: Tok[]; pos: number }> = [];
  let i = 0;
  const lineOf = (p: number) => src.slice(0, p).split('\n').length;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) { items.push({ text: src.slice(i) }); break; }
    let text = src.slice(i, open);
    let p = open + 2;
    if (src[p] === '-' && /[ \t\r\n]/.test(src[p + 1] ?? '')) { text = text.replace(/[ \t\r\n]+$/, ''); p += 1; }
    if (text) items.push({ text });
    // comment
    const rest = src.slice(p).replace(/^[ \t\r\n]*/, '');
    if (rest.startsWith('/*')) {
      const endC = src.indexOf('*/', p);
      if (endC < 0) throw new TemplateError(`template: :${lineOf(p)}: unclosed comment`);
      let q = endC + 2;
      const trimR = src.slice(q).match(/^[ \t\r\n]*-}}/);
      const plain = src.slice(q).match(/^[ \t\r\n]*}}/);
      if (trimR) q += trimR[0].length; else if (plain) q += plain[0].length;
      else throw new TemplateError(`template: :${lineOf(p)}: comment ends before closing delimiter`);
      i = trimR ? skipSpace(src, q) : q;
      continue;
    }
    const toks: Tok[] = [];
    let trimRight = false;
    for (;;) {
      if (p >= src.length) throw new TemplateError(`template: :${lineOf(open)}: unclosed action`);
      const c = src[p]!;
      if (/[ \t\r]/.test(c)) {
        if (src[p + 1] === '-' && src.startsWith('}}', p + 2)) { trimRight = true; p += 4; break; }
        p++; continue;
      }
      if (c === '\n') throw new TemplateError(`template: :${lineOf(open)}: unclosed action`);
      if (src.startsWith('}}', p)) { p += 2; break; }
      const start = p;
      if (c === '"') {
        let q = p + 1;
        while (q < src.length && src[q] !== '"') { if (src[q] === '\\') q++; if (src[q] === '\n') break; q++; }
        if (src[q] !== '"') throw new TemplateError(`template: :${lineOf(p)}: unterminated quoted string`);
        toks.push({ t: 'str', v: unquote(src.slice(p, q + 1)), pos: start }); p = q + 1; continue;
      }
      if (c === '`') {
        const q = src.indexOf('`', p + 1);
        if (q < 0) throw new TemplateError(`template: :${lineOf(p)}: unterminated raw quoted string`);
        toks.push({ t: 'str', v: src.slice(p + 1, q), pos: start }); p = q + 1; continue;
      }
      if (c === '|' || c === '(' || c === ')' || c === ',' || c === '=') { toks.push({ t: c, v: c, pos: start }); p++; continue; }
      if (c === ':' && src[p + 1] === '=') { toks.push({ t: ':=', v: ':=', pos: start }); p += 2; continue; }
      const m = /^(?:\$[A-Za-z0-9_]*|\.?[A-Za-z_][A-Za-z0-9_]*|\.|[-+]?(?:0x[0-9a-fA-F]+|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?))((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/.exec(src.slice(p));
      if (!m) throw new TemplateError(`template: :${lineOf(p)}: unexpected "${c}" in command`);
      const word = m[0];
      const head = word.slice(0, word.length - m[1]!.length);
      let t: string;
      if (head.startsWith('$')) t = 'var';
      else if (head === '.' || head.startsWith('.')) t = 'field';
      else if (/^[-+0-9]/.test(head)) t = 'num';
      else t = KEYWORDS.has(head) ? head : 'ident';
      toks.push({ t, v: word, pos: start });
      p += word.length;
    }
    items.push({ toks, pos: open + 2 });
    i = trimRight ? skipSpace(src, p) : p;
  }
  return items;
}

function skipSpace(s: string, p: number): number {
  while (p < s.length && /[ \t\r\n]/.test(s[p]!)) p++;
  return p;
}

function unquote(q: string): string {
  try {
    return JSON.parse(q.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as string;
  } catch {
    throw new TemplateError(`template: :1: invalid syntax`);
  }
}

/** Parse a template; `funcs` are the defined function names (undefined ones fail at parse time). */
export function parseTemplate(src: string, funcs: ReadonlySet<string>): Node[] {
  const items = lex(src);
  let idx = 0;
  const lineOf = (p: number) => src.slice(0, p).split('\n').length;
  const vars: string[][] = [['$']];

  const parsePipe = (toks: Tok[], start: number, ctx: string): Pipe => {
    let i = start;
    const decl: string[] = [];
    let assign = false;
    const pos = toks[i]?.pos ?? 0;
    // declarations: $x := / $k, $v :=
    if (toks[i]?.t === 'var' && !toks[i]!.v.includes('.')) {
      const save = i;
      const names = [toks[i]!.v];
      i++;
      if (toks[i]?.t === ',' && toks[i + 1]?.t === 'var') { names.push(toks[i + 1]!.v); i += 2; }
      if (toks[i]?.t === ':=' || toks[i]?.t === '=') {
        assign = toks[i]!.t === '=';
        decl.push(...names);
        if (!assign) vars[vars.length - 1]!.push(...names);
        i++;
      } else i = save;
    }
    const cmds: Cmd[] = [];
    let cur: Arg[] = [];
    let cpos = toks[i]?.pos ?? pos;
    for (; i < toks.length; i++) {
      const tk = toks[i]!;
      if (tk.t === '|') {
        if (!cur.length) throw new TemplateError(`template: :${lineOf(tk.pos)}: missing command`);
        cmds.push({ args: cur, pos: cpos }); cur = []; cpos = toks[i + 1]?.pos ?? tk.pos; continue;
      }
      if (tk.t === '(') {
        let depth = 1;
        let j = i + 1;
        for (; j < toks.length && depth; j++) { if (toks[j]!.t === '(') depth++; else if (toks[j]!.t === ')') depth--; }
        if (depth) throw new TemplateError(`template: :${lineOf(tk.pos)}: unclosed left paren`);
        const inner = parsePipe(toks.slice(i + 1, j - 1), 0, 'parenthesized pipeline');
        cur.push({ k: 'sub', pipe: inner, chain: [], pos: tk.pos });
        i = j - 1; continue;
      }
      if (tk.t === ')') throw new TemplateError(`template: :${lineOf(tk.pos)}: unexpected right paren`);
      cur.push(toArg(tk));
    }
    if (cur.length) cmds.push({ args: cur, pos: cpos });
    if (!cmds.length) throw new TemplateError(`template: :${lineOf(pos)}: missing value for ${ctx}`);
    return { decl, assign, cmds, pos };
  };

  const toArg = (tk: Tok): Arg => {
    switch (tk.t) {
      case 'field': {
        if (tk.v === '.') return { k: 'dot', pos: tk.pos };
        return { k: 'field', chain: tk.v.slice(1).split('.'), pos: tk.pos, text: tk.v };
      }
      case 'var': {
        const [name, ...chain] = tk.v.split('.');
        if (!vars.some((s) => s.includes(name!))) throw new TemplateError(`template: :${lineOf(tk.pos)}: undefined variable "${name}"`);
        return { k: 'var', name: name!, chain, pos: tk.pos, text: tk.v };
      }
      case 'num': return { k: 'num', v: Number(tk.v), pos: tk.pos };
      case 'str': return { k: 'str', v: tk.v, pos: tk.pos };
      case 'true': case 'false': return { k: 'bool', v: tk.t === 'true', pos: tk.pos };
      case 'nil': return { k: 'nil', pos: tk.pos };
      case 'ident':
        if (!funcs.has(tk.v)) throw new TemplateError(`template: :${lineOf(tk.pos)}: function "${tk.v}" not defined`);
        return { k: 'ident', name: tk.v, pos: tk.pos };
      default:
        throw new TemplateError(`template: :${lineOf(tk.pos)}: unexpected <${tk.v}> in command`);
    }
  };

  // Returns the list and the token list that ended it (else/end) or null at EOF.
  const parseList = (inBlock: boolean): [Node[], Tok[] | null] => {
    const list: Node[] = [];
    while (idx < items.length) {
      const it = items[idx++]!;
      if ('text' in it) { list.push({ k: 'text', s: it.text }); continue; }
      const toks = it.toks;
      const kw = toks[0]?.t;
      if (!toks.length) throw new TemplateError(`template: :${lineOf(it.pos)}: missing value for command`);
      if (kw === 'end' || kw === 'else') {
        if (!inBlock) throw new TemplateError(`template: :${lineOf(it.pos)}: unexpected {{${kw}}}`);
        return [list, toks];
      }
      if (kw === 'if' || kw === 'with' || kw === 'range') list.push(parseBlock(kw, toks, 1, it.pos));
      else if (kw === 'break' || kw === 'continue') list.push({ k: kw, pos: it.pos });
      else if (kw === 'define' || kw === 'template' || kw === 'block') throw new TemplateError(`template: :${lineOf(it.pos)}: {{${kw}}} is not supported here`);
      else list.push({ k: 'action', pipe: parsePipe(toks, 0, 'command'), pos: toks[0]!.pos });
    }
    if (inBlock) throw new TemplateError(`template: :${lineOf(src.length)}: unexpected EOF`);
    return [list, null];
  };

  const parseBlock = (kw: 'if' | 'with' | 'range', toks: Tok[], start: number, pos: number): Node => {
    vars.push([]);
    const pipe = parsePipe(toks, start, kw);
    const [list, end] = parseList(true);
    let elseList: Node[] | null = null;
    if (end && end[0]!.t === 'else') {
      if (end.length > 1 && (end[1]!.t === 'if' || end[1]!.t === 'with')) {
        // `else if` / `else with` nest a block that consumes the shared {{end}}
        elseList = [parseBlock(end[1]!.t as 'if' | 'with', end, 2, end[1]!.pos)];
      } else {
        const [l2, end2] = parseList(true);
        if (end2 && end2[0]!.t !== 'end') throw new TemplateError(`template: :${lineOf(end2[0]!.pos)}: expected end; found {{else}}`);
        elseList = l2;
      }
    }
    vars.pop();
    return { k: kw, pipe, list, elseList, pos };
  };

  const [nodes] = parseList(false);
  return nodes;
}
