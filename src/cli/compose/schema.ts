/**
 * The Compose specification's JSON schema (compose-go v2.9.1's `schema/compose-spec.json`, with
 * its descriptions stripped) and a small validator for the keywords it uses. Errors are reported
 * as compose-go's `schema.Validate` does: of all the failures, the most specific one (deepest
 * instance path, an "additional properties" failure counting one deeper), worded as the Go
 * jsonschema library words it (`services.web additional properties 'imag' not allowed`,
 * `services.web.ports must be a array`).
 */
import SPEC from './compose-spec.json';

type Schema = Record<string, unknown>;

interface Failure {
  path: string[];
  /** 'additional' weighs one more in the choice of the most specific failure. */
  kind: 'type' | 'additional' | 'other';
  message: string;
  causes?: Failure[];
}

const spec = SPEC as Schema;

function resolveRef(ref: string): Schema {
  // Only local refs appear: "#/definitions/name".
  const parts = ref.replace(/^#\//, '').split('/');
  let s: unknown = spec;
  for (const p of parts) s = (s as Schema)[p];
  return s as Schema;
}

function typeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

/** schema.go's humanReadableType: `mapping` for object, sorted and joined with "or". */
function humanType(want: string[]): string {
  const names = want.map((w) => (w === 'object' ? 'mapping' : w));
  if (names.length === 1) return names[0]!;
  names.sort();
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function quoteJoin(items: string[]): string {
  return items.map((i) => `'${i}'`).join(', ');
}

function goValue(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
}

function check(v: unknown, s: Schema, path: string[]): Failure[] {
  const out: Failure[] = [];
  if (typeof s.$ref === 'string') out.push(...check(v, resolveRef(s.$ref), path));
  if (s.type !== undefined) {
    const want = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!want.some((t) => typeMatches(v, t))) {
      out.push({ path, kind: 'type', message: `must be a ${humanType([...want])}` });
      return out;
    }
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => e === v)) {
    out.push({ path, kind: 'other', message: `value must be one of ${(s.enum as unknown[]).map(goValue).join(', ')}` });
  }
  if (typeof s.pattern === 'string' && typeof v === 'string' && !new RegExp(s.pattern, 'u').test(v)) {
    out.push({ path, kind: 'other', message: `'${v}' does not match pattern '${s.pattern}'` });
  }
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) out.push({ path, kind: 'other', message: `must be greater than or equal to ${s.minimum}` });
    if (typeof s.maximum === 'number' && v > s.maximum) out.push({ path, kind: 'other', message: `must be less than or equal to ${s.maximum}` });
  }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const obj = v as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>).map(([p, sub]) => [new RegExp(p, 'u'), sub] as const);
    const extra: string[] = [];
    for (const [k, val] of Object.entries(obj)) {
      let matched = false;
      if (props[k]) {
        matched = true;
        out.push(...check(val, props[k], [...path, k]));
      }
      for (const [re, sub] of patterns) {
        if (re.test(k)) {
          matched = true;
          out.push(...check(val, sub, [...path, k]));
        }
      }
      if (!matched) {
        if (s.additionalProperties === false) extra.push(k);
        else if (s.additionalProperties && typeof s.additionalProperties === 'object') out.push(...check(val, s.additionalProperties as Schema, [...path, k]));
      }
    }
    if (extra.length) out.push({ path, kind: 'additional', message: `additional properties ${quoteJoin(extra)} not allowed` });
    if (Array.isArray(s.required)) {
      const missing = (s.required as string[]).filter((r) => !(r in obj));
      if (missing.length === 1) out.push({ path, kind: 'other', message: `missing property '${missing[0]}'` });
      else if (missing.length) out.push({ path, kind: 'other', message: `missing properties ${quoteJoin(missing)}` });
    }
  }
  if (Array.isArray(v)) {
    if (s.items && typeof s.items === 'object') v.forEach((item, i) => out.push(...check(item, s.items as Schema, [...path, String(i)])));
    if (s.uniqueItems === true) {
      const seen = v.map((x) => JSON.stringify(x));
      for (let i = 0; i < seen.length; i++) {
        const j = seen.indexOf(seen[i]!, i + 1);
        if (j > 0) {
          out.push({ path, kind: 'other', message: `items at ${i} and ${j} are equal` });
          break;
        }
      }
    }
  }
  if (Array.isArray(s.oneOf)) {
    const results = (s.oneOf as Schema[]).map((sub) => check(v, sub, path));
    const valid = results.filter((r) => r.length === 0).length;
    if (valid === 0) out.push({ path, kind: 'other', message: 'oneOf failed, none matched', causes: results.flat() });
    else if (valid > 1) {
      const idx = results.map((r, i) => (r.length === 0 ? i : -1)).filter((i) => i >= 0);
      out.push({ path, kind: 'other', message: `oneOf failed, subschemas ${idx.join(', ')} matched` });
    }
  }
  return out;
}

function specificity(f: Failure | undefined): number {
  if (!f) return -1;
  return f.path.length + (f.kind === 'additional' ? 1 : 0);
}

/** getMostSpecificError: the deepest leaf; on a tie the first one found wins. */
function mostSpecific(f: Failure): Failure {
  if (!f.causes?.length) return f;
  let best: Failure | undefined;
  for (const c of f.causes) {
    const leaf = mostSpecific(c);
    if (specificity(leaf) > specificity(best)) best = leaf;
  }
  return best ?? f;
}

/** Validate a whole compose model; the message compose-go prints, or undefined when valid. */
export function validateSchema(model: Record<string, unknown>): string | undefined {
  const failures = check(model, spec, []);
  if (!failures.length) return undefined;
  const f = mostSpecific({ path: [], kind: 'other', message: '', causes: failures });
  const where = f.path.join('.');
  return where ? `${where} ${f.message}` : f.message;
}
