/**
 * The shell patterns of `${v#p}`, `${v%p}` and `${v/p/r}` (BuildKit shell/lex.go:
 * convertShellPatternToRegex, trimPrefix, trimSuffix, reversePattern), as JavaScript regexps.
 * Go's regexp and JavaScript's agree on leftmost-first matching, lazy `*?`, `^` and `$`.
 */

/** A pattern that does not convert; the expander wraps it as `invalid pattern (…) in substitution`. */
export class PatternError extends Error {}

/**
 * lex.go's convertShellPatternToRegex: `*` any string (greedy or not), `?` one character,
 * `\*` `\?` `\\` literal, `\}` and `\/` just the character; no bracket expressions.
 */
export function patternToRegex(pattern: string, greedy: boolean, anchored: boolean, global = false): RegExp {
  let out = anchored ? '^' : '';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    let tok = chars[i];
    if (tok === '*') {
      out += greedy ? '[^\\n]*' : '[^\\n]*?';
      continue;
    }
    if (tok === '?') {
      out += '[^\\n]'; // Go's `.`
      continue;
    }
    if (tok === '\\') {
      const nx = chars[i + 1];
      if (nx === '}' || nx === '/') continue;
      tok = chars[++i] ?? '\uFFFD';
      if (tok !== '*' && tok !== '?' && tok !== '\\') throw new PatternError(`invalid escape '\\${tok}'`);
      out += '\\' + tok;
      continue;
    }
    if ('[]{}.+()|^$'.includes(tok)) out += '\\';
    out += tok;
  }
  return new RegExp(out, global ? 'gu' : 'u');
}

export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const m = patternToRegex(pattern, greedy, true).exec(value);
  return m ? value.slice(m[0].length) : value;
}

/** Reverse a pattern but keep escapes before their character (`a\*c` → `c\*a`). */
export function reversePattern(pattern: string): string {
  const p = Array.from(pattern);
  const out: string[] = new Array<string>(p.length);
  const last = p.length - 1;
  for (let i = 0; i <= last; ) {
    const o = last - i;
    if (p[i] === '\\' && i !== last) {
      out[o - 1] = p[i];
      out[o] = p[i + 1];
      i += 2;
    } else {
      out[o] = p[i];
      i++;
    }
  }
  return out.join('');
}

export const reverseString = (s: string) => Array.from(s).reverse().join('');

/** The shortest/longest rightmost match, found as a leftmost match on the reversed strings. */
export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

/**
 * Go's Regexp.ReplaceAllString expands `$name`/`${name}` in the replacement (the patterns have
 * no groups, so they become empty) and `$$` to `$`; a `$` that starts neither stays.
 */
export function goExpand(template: string): string {
  return template.replace(/\$(\$|\{[A-Za-z0-9_]+\}|[A-Za-z0-9_]+)?/g, (_all, ref: string | undefined) => (ref === '$' ? '$' : ref ? '' : '$'));
}
