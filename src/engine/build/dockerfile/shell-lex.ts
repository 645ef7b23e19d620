/**
 * BuildKit's word expansion (frontend/dockerfile/shell/lex.go) for the instructions the builder
 * expands (FROM, COPY, ADD, ENV, ARG, LABEL, EXPOSE, USER, VOLUME, WORKDIR, STOPSIGNAL): quotes
 * are removed, `$v` and `${v}` with the `:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`, `/`,
 * `//` forms expand, the escape token protects the next character. RUN/CMD/ENTRYPOINT are left to
 * the shell at run time.
 */
export type Env = Map<string, string>;

export class ShellLex {
  constructor(readonly escapeToken = '\\') {}

  processWord(word: string, env: Env): string {
    return this.process(word, env, false).words.join('');
  }

  /** Expansion with field splitting on unquoted whitespace (EXPOSE, VOLUME in shell form). */
  processWords(word: string, env: Env): string[] {
    return this.process(word, env, true).words;
  }

  processWordWithMatches(word: string, env: Env): { result: string; matched: Set<string>; unmatched: Set<string> } {
    const r = this.process(word, env, false);
    return { result: r.words.join(''), matched: r.matched, unmatched: r.unmatched };
  }

  private process(src: string, env: Env, split: boolean, sets?: { matched: Set<string>; unmatched: Set<string> }): { words: string[]; matched: Set<string>; unmatched: Set<string> } {
    const matched = sets?.matched ?? new Set<string>();
    const unmatched = sets?.unmatched ?? new Set<string>();
    const shared = { matched, unmatched };
    const esc = this.escapeToken;
    const out: string[] = [];
    let cur = '';
    let has = false;
    let i = 0;
    const lookup = (name: string): string | undefined => {
      const v = env.get(name);
      if (v === undefined) unmatched.add(name);
      else matched.add(name);
      return v;
    };
    const dollar = (inQuotes: boolean): string => {
      // at src[i] === '$'
      i++;
      const ch = src[i];
      if (ch === '{') {
        i++;
        let name = '';
        if (i < src.length && /[@*#?$!-]/.test(src[i]) && (src[i + 1] === '}' || src[i + 1] === ':')) name = src[i++];
        else while (i < src.length && /[A-Za-z0-9_]/.test(src[i])) name += src[i++];
        if (!name) throw new Error(`bad substitution`);
        if (src[i] === '}') {
          i++;
          return lookup(name) ?? '';
        }
        let op = src[i++];
        if (op === ':' && '-+?'.includes(src[i])) op += src[i++];
        else if ((op === '#' || op === '%' || op === '/') && src[i] === op) op += src[i++];
        // The operand runs to the first `}` that is not escaped or inside a nested `${…}`, and is
        // itself expanded (`${X:-{a}` is `{a`; `${X:-\${Y}z}` is `${Y` then a literal `z}`).
        const from = i;
        i = skipOperand(src, i, esc);
        const raw = src.slice(from, i);
        if (src[i] !== '}') throw new Error(`missing '}'`);
        i++;
        const value = lookup(name);
        const word = () => this.process(raw, env, false, shared).words.join('');
        // Patterns keep their escapes (`\*` is a literal star) and variables expand into them raw.
        const pattern = (text: string) => this.expandRaw(text, env, shared);
        switch (op) {
          case ':-': return value ? value : word();
          case '-': return value !== undefined ? value : word();
          case ':+': return value ? word() : '';
          case '+': return value !== undefined ? word() : '';
          case ':?': if (!value) throw new Error(`${name}: ${word() || 'parameter null or not set'}`); return value;
          case '?': if (value === undefined) throw new Error(`${name}: ${word() || 'parameter not set'}`); return value;
          case '#': case '##': return trimPrefix(value ?? '', pattern(raw), op === '##', esc);
          case '%': case '%%': return trimSuffix(value ?? '', pattern(raw), op === '%%', esc);
          case '/': case '//': {
            const slash = unescapedSlash(raw, esc);
            if (slash < 0 && op === '//') throw new Error(`bad substitution`);
            const pat = pattern(slash < 0 ? raw : raw.slice(0, slash));
            const rep = slash < 0 ? '' : pattern(raw.slice(slash + 1));
            return replace(value ?? '', pat, rep, op === '//', esc);
          }
          default:
            throw new Error(`unsupported modifier (${op}) in substitution`);
        }
      }
      let name = '';
      if (ch !== undefined && /[A-Za-z_]/.test(ch)) {
        while (i < src.length && /[A-Za-z0-9_]/.test(src[i])) name += src[i++];
        return lookup(name) ?? '';
      }
      if (ch !== undefined && /[0-9]/.test(ch)) {
        while (i < src.length && /[0-9]/.test(src[i])) i++;
        return '';
      }
      if (ch !== undefined && /[*#@$!?-]/.test(ch)) {
        i++;
        return '';
      }
      void inQuotes;
      return '$';
    };
    while (i < src.length) {
      const ch = src[i];
      if (ch === esc) {
        // A lone escape at the very end is dropped.
        if (i + 1 < src.length) cur += src[i + 1];
        i += 2;
        has = true;
        continue;
      }
      if (ch === "'") {
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw new Error('unexpected end of statement while looking for matching single-quote');
        cur += src.slice(i + 1, end);
        i = end + 1;
        has = true;
        continue;
      }
      if (ch === '"') {
        i++;
        for (;;) {
          if (i >= src.length) throw new Error('unexpected end of statement while looking for matching double-quote');
          const c = src[i];
          if (c === '"') {
            i++;
            break;
          }
          if (c === esc && i + 1 < src.length && ['"', '$', esc].includes(src[i + 1])) {
            cur += src[i + 1];
            i += 2;
            continue;
          }
          if (c === '$') {
            cur += dollar(true);
            continue;
          }
          cur += c;
          i++;
        }
        has = true;
        continue;
      }
      if (ch === '$') {
        const v = dollar(false);
        if (split) {
          const parts = v.split(/[ \t\n]+/);
          for (let k = 0; k < parts.length; k++) {
            if (k > 0) {
              if (has || cur) out.push(cur);
              cur = '';
              has = false;
            }
            cur += parts[k];
            if (parts[k]) has = true;
          }
        } else cur += v;
        continue;
      }
      if (split && /\s/.test(ch)) {
        if (has || cur) out.push(cur);
        cur = '';
        has = false;
        i++;
        continue;
      }
      cur += ch;
      has = true;
      i++;
    }
    if (!split || has || cur) out.push(cur);
    return { words: out, matched, unmatched };
  }

  /** Expand variables in `text` but keep escapes and quotes as written (pattern operands). */
  private expandRaw(text: string, env: Env, sets: { matched: Set<string>; unmatched: Set<string> }): string {
    const esc = this.escapeToken;
    let out = '';
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      if (ch === esc && i + 1 < text.length) {
        out += ch + text[i + 1];
        i += 2;
        continue;
      }
      if (ch === '$') {
        let end = i + 1;
        if (text[end] === '{') end = skipOperand(text, end + 1, esc) + 1;
        else while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) end++;
        if (end === i + 1) {
          out += '$';
          i++;
          continue;
        }
        out += this.process(text.slice(i, end), env, false, sets).words.join('');
        i = end;
        continue;
      }
      out += ch;
      i++;
    }
    return out;
  }
}

/** Index of the `}` ending a `${name<op>operand}` operand that starts at `i`. */
function skipOperand(src: string, i: number, esc: string): number {
  while (i < src.length) {
    const c = src[i];
    if (c === esc) {
      i += 2;
      continue;
    }
    if (c === '$' && src[i + 1] === '{') {
      i = skipOperand(src, i + 2, esc) + 1;
      continue;
    }
    if (c === '}') return i;
    i++;
  }
  return i;
}

/** First `/` not escaped: the separator of `${v/pattern/replacement}`. */
function unescapedSlash(raw: string, esc: string): number {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === esc) i++;
    else if (raw[i] === '/') return i;
  }
  return -1;
}

/** BuildKit's shell pattern: `*` and `?` are wildcards, an escaped character is literal, the rest is literal. */
function globSource(p: string, esc: string): string {
  let s = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === esc && i + 1 < p.length) s += p[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '*') s += '.*';
    else if (c === '?') s += '.';
    else s += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return s;
}

function trimPrefix(v: string, pat: string, longest: boolean, esc: string): string {
  const re = new RegExp('^' + globSource(pat, esc) + '$', 's');
  if (longest) {
    for (let k = v.length; k >= 0; k--) if (re.test(v.slice(0, k))) return v.slice(k);
  } else {
    for (let k = 0; k <= v.length; k++) if (re.test(v.slice(0, k))) return v.slice(k);
  }
  return v;
}

function trimSuffix(v: string, pat: string, longest: boolean, esc: string): string {
  const re = new RegExp('^' + globSource(pat, esc) + '$', 's');
  if (longest) {
    for (let k = 0; k <= v.length; k++) if (re.test(v.slice(k))) return v.slice(0, k);
  } else {
    for (let k = v.length; k >= 0; k--) if (re.test(v.slice(k))) return v.slice(0, k);
  }
  return v;
}

/** `${v/p/r}` replaces the first (leftmost, longest) match; `//` every match; an empty pattern inserts at the start. */
function replace(v: string, pat: string, rep: string, all: boolean, esc: string): string {
  if (!pat) return all ? v : rep + v;
  const re = new RegExp(globSource(pat, esc), all ? 'gs' : 's');
  return v.replace(re, () => rep);
}
