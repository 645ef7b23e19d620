/**
 * Variable substitution in compose files, as compose-go's `template` package does it:
 * `$VAR`, `${VAR}`, `${VAR:-default}` / `${VAR-default}` (default when unset-or-empty / unset),
 * `${VAR:?err}` / `${VAR?err}` (error), `${VAR:+alt}` / `${VAR+alt}` (alternative), `$$` for a
 * literal `$`. Defaults may themselves hold substitutions. Every string value of the file is
 * substituted (keys are not); an unset variable without default is a warning and becomes "".
 */

export type Lookup = (name: string) => string | undefined;

export class TemplateError extends Error {}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** Substitute one string. `warn` receives compose-go's warning for unset variables. */
export function substitute(text: string, lookup: Lookup, warn: (msg: string) => void): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = closingBrace(text, i + 2);
      if (end < 0) throw new TemplateError(text);
      out += braced(text.slice(i + 2, end), lookup, warn, text);
      i = end + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (m) {
      out += valueOf(m[0], lookup, warn);
      i += 1 + m[0].length;
      continue;
    }
    // compose-go's pattern does not match a `$` followed by anything else: it stays as typed.
    out += '$';
    i++;
  }
  return out;
}

/** Index of the `}` that closes a `${` opened before `from`, nested `${…}` included. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      if (--depth === 0) return i;
    }
  }
  return -1;
}

function valueOf(name: string, lookup: Lookup, warn: (msg: string) => void): string {
  const v = lookup(name);
  if (v === undefined) {
    warn(`The "${name}" variable is not set. Defaulting to a blank string.`);
    return '';
  }
  return v;
}

function braced(body: string, lookup: Lookup, warn: (msg: string) => void, whole: string): string {
  const m = NAME.exec(body);
  if (!m) throw new TemplateError(whole);
  const name = m[0];
  const rest = body.slice(name.length);
  if (rest === '') return valueOf(name, lookup, warn);
  const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest);
  if (!op) throw new TemplateError(whole);
  const arg = () => substitute(rest.slice(op[0].length), lookup, warn);
  const v = lookup(name);
  switch (op[0]) {
    case ':-': return v === undefined || v === '' ? arg() : v;
    case '-': return v === undefined ? arg() : v;
    case ':+': return v !== undefined && v !== '' ? arg() : '';
    case '+': return v !== undefined ? arg() : '';
    case ':?':
      if (v === undefined || v === '') throw new MissingRequired(name, arg());
      return v;
    default:
      if (v === undefined) throw new MissingRequired(name, arg());
      return v;
  }
}

/** template.MissingRequiredError. */
export class MissingRequired extends Error {
  constructor(readonly variable: string, readonly reason: string) {
    super(reason ? `required variable ${variable} is missing a value: ${reason}` : `required variable ${variable} is missing a value`);
  }
}

/**
 * interpolation.Interpolate over a whole parsed file: strings are substituted; the error names the
 * path the way compose-go does (`services.web.image`, list items as `[]`).
 */
export function interpolateModel(value: unknown, lookup: Lookup, warn: (msg: string) => void, path: string[] = []): unknown {
  if (typeof value === 'string') {
    try {
      return substitute(value, lookup, warn);
    } catch (e) {
      const where = path.join('.');
      if (e instanceof TemplateError) throw new Error(`invalid interpolation format for ${where}.\nYou may need to escape any $ with another $.\n${value}`);
      throw new Error(`error while interpolating ${where}: ${(e as Error).message}`);
    }
  }
  if (Array.isArray(value)) return value.map((v) => interpolateModel(v, lookup, warn, [...path, '[]']));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolateModel(v, lookup, warn, [...path, k]);
    return out;
  }
  return value;
}
