/**
 * Shell pattern matching (`case`, `[[ == ]]`, `${v#p}`, filename globs). A pattern here is a string
 * in which a backslash quotes the next character: the expander escapes every quoted character,
 * so `"*"` matches a literal star while `*` matches anything.
 */

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e', word: 'a-zA-Z0-9_',
};

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

/** The regex source for a pattern (no anchors). `greedy` false makes `*` lazy (for `#`/`%`). */
export function patternSource(pat: string, greedy = true): string {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\') {
      i++;
      if (i < pat.length) re += escapeRe(pat[i]);
      else re += '\\\\';
    } else if (c === '*') re += greedy ? '[\\s\\S]*' : '[\\s\\S]*?';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const cls = bracket(pat, i);
      if (cls) {
        re += cls.re;
        i = cls.end;
      } else re += '\\[';
    } else re += escapeRe(c);
  }
  return re;
}

function bracket(pat: string, start: number): { re: string; end: number } | undefined {
  let i = start + 1;
  let neg = false;
  if (pat[i] === '!' || pat[i] === '^') {
    neg = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < pat.length; i++) {
    const c = pat[i];
    if (c === ']' && !first) return { re: (neg ? '[^' : '[') + body + ']', end: i };
    first = false;
    if (c === '[' && pat[i + 1] === ':') {
      const close = pat.indexOf(':]', i + 2);
      if (close > 0) {
        body += CLASSES[pat.slice(i + 2, close)] ?? '';
        i = close + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < pat.length) {
      body += '\\' + pat[++i];
      continue;
    }
    if (c === '-' && body && pat[i + 1] !== ']') {
      body += '-';
      continue;
    }
    body += /[\\\]^-]/.test(c) ? '\\' + c : c;
  }
  return undefined;
}

export function patternToRegExp(pat: string, flags = ''): RegExp {
  return new RegExp('^' + patternSource(pat) + '$', flags);
}

export function matchPattern(pat: string, s: string): boolean {
  return patternToRegExp(pat).test(s);
}

/** Does the pattern contain an unquoted glob character? */
export function hasGlob(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    if (pat[i] === '\\') i++;
    else if (pat[i] === '*' || pat[i] === '?') return true;
    else if (pat[i] === '[' && bracket(pat, i)) return true;
  }
  return false;
}

/** Remove the backslash quoting of a pattern (a word that did not glob is used literally). */
export function unescapePattern(pat: string): string {
  return pat.includes('\\') ? pat.replace(/\\([\s\S])/g, '$1') : pat;
}

/** `${v#p}` (shortest prefix), `##` (longest), `%` (shortest suffix), `%%` (longest). */
export function removeAffix(value: string, pat: string, op: '#' | '##' | '%' | '%%'): string {
  const src = patternSource(pat);
  if (op === '#' || op === '##') {
    const lens = op === '#' ? range(0, value.length) : range(value.length, 0);
    const re = new RegExp('^(?:' + src + ')$');
    for (const n of lens) if (re.test(value.slice(0, n))) return value.slice(n);
    return value;
  }
  const re = new RegExp('^(?:' + src + ')$');
  const starts = op === '%' ? range(value.length, 0) : range(0, value.length);
  for (const n of starts) if (re.test(value.slice(n))) return value.slice(0, n);
  return value;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  if (from <= to) for (let i = from; i <= to; i++) out.push(i);
  else for (let i = from; i >= to; i--) out.push(i);
  return out;
}

/** `${v/p/r}` family: op is '/', '//', '/#', '/%'. Longest match at the leftmost position. */
export function replacePattern(value: string, pat: string, repl: string, op: string): string {
  if (pat === '') return value;
  const src = patternSource(pat);
  if (op === '/#') {
    for (let n = value.length; n >= 0; n--) if (new RegExp('^(?:' + src + ')$').test(value.slice(0, n))) return repl + value.slice(n);
    return value;
  }
  if (op === '/%') {
    for (let n = 0; n <= value.length; n++) if (new RegExp('^(?:' + src + ')$').test(value.slice(n))) return value.slice(0, n) + repl;
    return value;
  }
  const re = new RegExp('^(?:' + src + ')$');
  let out = '';
  let i = 0;
  let replaced = false;
  while (i <= value.length) {
    let matched = -1;
    if (!(replaced && op === '/')) {
      for (let n = value.length; n > i; n--) {
        if (re.test(value.slice(i, n))) {
          matched = n;
          break;
        }
      }
    }
    if (matched > i) {
      out += repl;
      i = matched;
      replaced = true;
    } else {
      if (i < value.length) out += value[i];
      i++;
    }
  }
  return out;
}
