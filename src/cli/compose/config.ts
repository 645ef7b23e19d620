/**
 * `docker compose config` (cmd/compose/config.go): the project after interpolation and
 * normalisation, printed as compose-go marshals it (yaml.v3, two-space indent, keys in struct
 * order, maps sorted), or only its `--services`, `--volumes`, `--images`, `--profiles`; `-q`
 * validates and prints nothing; `--format json`.
 */
import { Document, isScalar, visit } from 'yaml';
import { bool, str } from './flags';
import { ComposeError, type VerbHandler } from './context';
import { imageOf } from './labels';
import type { Project } from './normalize';

export function projectModel(p: Project): Record<string, unknown> {
  const out: Record<string, unknown> = { name: p.name, services: p.services };
  if (Object.keys(p.networks).length) out.networks = p.networks;
  if (Object.keys(p.volumes).length) out.volumes = p.volumes;
  return out;
}

/** A string yaml.v3 would read back as another type: it is written in double quotes. */
const NOT_A_STRING = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.Inf|\.nan)|true|false|True|False|TRUE|FALSE|yes|no|Yes|No|on|off|On|Off|null|Null|NULL|~|)$/;

/** yaml.v3's encoder as compose uses it: two-space indent, sequences indented, no line folding,
 * single quotes where a plain scalar is not possible, double quotes for number-like strings. */
export function toYaml(model: unknown): string {
  const doc = new Document(model);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && NOT_A_STRING.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, nullStr: 'null', singleQuote: true });
}

export const configVerb: VerbHandler = async (c, args, flags) => {
  const p = await c.load();
  for (const a of args) if (!p.services[a]) throw new ComposeError(`no such service: ${a}`);
  if (bool(flags, 'services')) {
    for (const s of Object.keys(p.services)) await c.out(s + '\n');
    return 0;
  }
  if (bool(flags, 'volumes')) {
    for (const v of Object.keys(p.volumes)) await c.out(v + '\n');
    return 0;
  }
  if (bool(flags, 'networks')) {
    for (const n of Object.keys(p.networks)) await c.out(n + '\n');
    return 0;
  }
  if (bool(flags, 'images')) {
    for (const [n, s] of Object.entries(p.services)) await c.out(imageOf(p.name, n, s) + '\n');
    return 0;
  }
  if (bool(flags, 'profiles')) {
    const all = new Set([...Object.values(p.services), ...Object.values(p.disabled)].flatMap((s) => s.profiles ?? []));
    for (const n of [...all].sort()) await c.out(n + '\n');
    return 0;
  }
  if (bool(flags, 'quiet')) return 0;
  const model = projectModel(args.length ? { ...p, services: Object.fromEntries(args.map((a) => [a, p.services[a]!])) } : p);
  const format = str(flags, 'format') || 'yaml';
  if (format === 'json') await c.out(JSON.stringify(model, null, 2) + '\n');
  else if (format === 'yaml') await c.out(toYaml(model));
  else throw new ComposeError(`unsupported format "${format}"`);
  return 0;
};
