/** Run parsed sed commands over the lines of one input: pattern and hold space, ranges, branches. */
import { SedError, type Addr, type Cmd } from './script';

function expand(repl: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '&') out += m[0];
    else if (c === '\\' && i + 1 < repl.length) {
      const n = repl[++i];
      if (/\d/.test(n)) out += m[Number(n)] ?? '';
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
    } else out += c;
  }
  return out;
}

export interface Input {
  lines: string[];
  /** Whether the last line ended with a newline (GNU keeps a missing one missing). */
  finalNewline: boolean;
}

export function toInput(text: string): Input {
  if (text === '') return { lines: [], finalNewline: true };
  const finalNewline = text.endsWith('\n');
  const lines = (finalNewline ? text.slice(0, -1) : text).split('\n');
  return { lines, finalNewline };
}

/** Run the script over one stream of lines; returns the output and the exit status. */
export function run(cmds: Cmd[], input: Input, quiet: boolean): { out: string; code: number; quit: boolean } {
  let out = '';
  let hold = '';
  let lastRe: RegExp | null = null;
  let n = 0;
  let code = 0;
  const lines = input.lines;
  const emit = (s: string, nl = true) => (out += s + (nl ? '\n' : ''));
  for (const c of cmds) c.active = false;
  const isLast = () => n >= lines.length;
  const matchOne = (a: Addr, ps: string): boolean => {
    switch (a.k) {
      case 'line': return n === a.n;
      case 'last': return isLast();
      case 'step': return a.step <= 0 ? n === a.first : n >= a.first && (n - a.first) % a.step === 0;
      case 're': {
        const re = a.re ?? lastRe;
        if (!re) throw new SedError('no previous regular expression');
        lastRe = re;
        return re.test(ps);
      }
      default: return false;
    }
  };
  const selected = (c: Cmd, ps: string): boolean => {
    let hit: boolean;
    if (!c.a1) hit = true;
    else if (!c.a2) hit = matchOne(c.a1, ps);
    else if (c.active) {
      const a2 = c.a2;
      if (a2.k === 'line' || a2.k === 'plus') {
        if (n >= c.rangeEnd!) c.active = false;
        hit = n <= c.rangeEnd! || true;
      } else {
        if (matchOne(a2, ps)) c.active = false;
        hit = true;
      }
    } else if (matchOne(c.a1, ps)) {
      hit = true;
      const a2 = c.a2;
      if (a2.k === 'line') c.active = a2.n > n;
      else if (a2.k === 'plus') c.active = a2.n > 0;
      else if (a2.k === 'last') c.active = !isLast();
      else c.active = true;
      if (c.active && (a2.k === 'line' || a2.k === 'plus')) c.rangeEnd = a2.k === 'line' ? a2.n : n + a2.n;
      else if (a2.k === 'last') c.rangeEnd = Infinity;
    } else hit = false;
    if (c.a2?.k === 'last' && c.active) c.active = !isLast();
    return hit !== c.neg;
  };
  let append: string[] = [];
  const flushAppend = () => {
    for (const t of append) emit(t);
    append = [];
  };
  while (n < lines.length) {
    let ps = lines[n++];
    let subst = false;
    let deleted = false;
    let pc = 0;
    let quit: 'q' | 'Q' | undefined;
    while (pc < cmds.length) {
      const c = cmds[pc];
      if (c.c === '}' || c.c === ':') {
        pc++;
        continue;
      }
      if (!selected(c, ps)) {
        pc = c.c === '{' ? c.end! + 1 : pc + 1;
        continue;
      }
      pc++;
      switch (c.c) {
        case '{': break;
        case 's': {
          const re0: RegExp | null = c.re ?? lastRe;
          if (!re0) throw new SedError('no previous regular expression');
          lastRe = re0;
          const re = new RegExp(re0.source, re0.flags + 'g');
          const want = c.nth ?? 1;
          let count = 0;
          let res = '';
          let last = 0;
          let changed = false;
          for (let m = re.exec(ps); m; m = re.exec(ps)) {
            count++;
            if (count >= want && (c.global || count === want)) {
              res += ps.slice(last, m.index) + expand(c.repl!, m);
              last = m.index + m[0].length;
              changed = true;
            }
            if (m[0] === '') re.lastIndex++;
            if (changed && !c.global) break;
          }
          if (changed) {
            ps = res + ps.slice(last);
            subst = true;
            if (c.print) emit(ps);
          }
          break;
        }
        case 'y': {
          const from = c.from!.split('\u0000');
          const to = c.to!.split('\u0000');
          ps = [...ps].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)] : ch)).join('');
          break;
        }
        case 'd':
          deleted = true;
          pc = cmds.length;
          break;
        case 'p': emit(ps); break;
        case '=': emit(String(n)); break;
        case 'a': append.push(c.text!); break;
        case 'i': emit(c.text!); break;
        case 'c':
          deleted = true;
          if (!c.a2 || !c.active || c.neg) emit(c.text!);
          pc = cmds.length;
          break;
        case 'h': hold = ps; break;
        case 'H': hold += '\n' + ps; break;
        case 'g': ps = hold; break;
        case 'G': ps += '\n' + hold; break;
        case 'x': [ps, hold] = [hold, ps]; break;
        case 'n':
          if (!quiet) emit(ps);
          flushAppend();
          if (n >= lines.length) {
            deleted = true;
            pc = cmds.length;
            break;
          }
          ps = lines[n++];
          break;
        case 'N':
          if (n >= lines.length) {
            pc = cmds.length;
            break;
          }
          flushAppend();
          ps += '\n' + lines[n++];
          break;
        case 'q': case 'Q':
          quit = c.c;
          code = c.code ?? 0;
          pc = cmds.length;
          break;
        case 'b': case 't': case 'T': {
          const jump = c.c === 'b' || (c.c === 't' ? subst : !subst);
          if (c.c !== 'b') subst = false;
          if (jump) pc = c.label ? cmds.findIndex((x) => x.c === ':' && x.label === c.label) + 1 : cmds.length;
          break;
        }
        default:
          break;
      }
    }
    if (!deleted && !quiet && quit !== 'Q') emit(ps, n < lines.length || input.finalNewline);
    flushAppend();
    if (quit) return { out, code, quit: true };
  }
  return { out, code, quit: false };
}
