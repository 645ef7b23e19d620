/**
 * Combining compose models (compose-go override/merge.go and loader/extends.go, simplified): a
 * later file (`-f a.yaml -f b.yaml`, `compose.override.yaml`) or a service that `extends:` another
 * is merged over the earlier one: mappings key by key, `environment`/`labels` as mappings in
 * either syntax, `command`/`entrypoint`/`healthcheck.test` replaced, other sequences appended
 * without duplicates (ports, volumes, expose, …).
 */
type Dict = Record<string, unknown>;

const REPLACED = /^services\.[^.]+\.(command|entrypoint|healthcheck\.test)$/;
const AS_MAPPING = /^services\.[^.]+\.(environment|labels|build\.args|sysctls|annotations)$/;

function isDict(v: unknown): v is Dict {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function toMapping(v: unknown): Dict {
  if (isDict(v)) return { ...v };
  const out: Dict = {};
  for (const e of (v as unknown[]) ?? []) {
    const s = String(e);
    const i = s.indexOf('=');
    out[i < 0 ? s : s.slice(0, i)] = i < 0 ? null : s.slice(i + 1);
  }
  return out;
}

export function mergeModels(base: unknown, over: unknown, path: string[] = []): unknown {
  const where = path.join('.');
  if (over === undefined) return base;
  if (base === undefined || REPLACED.test(where)) return over;
  if (AS_MAPPING.test(where)) return { ...toMapping(base), ...toMapping(over) };
  if (isDict(base) && isDict(over)) {
    const out: Dict = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = mergeModels(out[k], v, [...path, k]);
    return out;
  }
  if (Array.isArray(base) && Array.isArray(over)) {
    const seen = new Set(base.map((x) => JSON.stringify(x)));
    return [...base, ...over.filter((x) => !seen.has(JSON.stringify(x)))];
  }
  return over;
}

/**
 * `extends: {service, file}`: the named service (from this file or another one, read with
 * `readModel`) under this one; chains are followed, a service extending itself is a cycle.
 */
export function applyExtends(model: Dict, readModel: (file: string) => Dict, file: string): Dict {
  const services = model.services;
  if (!isDict(services)) return model;
  const out: Dict = {};
  for (const [name, svc] of Object.entries(services)) out[name] = resolveService(name, svc, services, readModel, file, []);
  return { ...model, services: out };
}

interface Ref { service: string; file: string }

function resolveService(name: string, svc: unknown, services: Dict, readModel: (file: string) => Dict, file: string, seen: Ref[]): unknown {
  if (!isDict(svc) || svc.extends === undefined) return svc;
  const chain = [...seen, { service: name, file }];
  const ext = typeof svc.extends === 'string' ? { service: svc.extends } : (svc.extends as Dict);
  const ref = String(ext.service ?? '');
  if (!ref) throw new Error(`extends.${name}.service is required`);
  let source = services;
  let sourceFile = file;
  if (typeof ext.file === 'string') {
    sourceFile = ext.file;
    const other = readModel(ext.file);
    if (!isDict(other.services)) throw new Error(`cannot extend service "${name}" in ${ext.file}: no services section`);
    source = other.services;
  }
  // loader.go's cycleTracker
  if (chain.some((r) => r.service === ref && r.file === sourceFile)) {
    const lines = ['Circular reference:', `  ${chain[0]!.service} in ${chain[0]!.file}`, ...[...chain.slice(1), { service: ref, file: sourceFile }].map((r) => `  extends ${r.service} in ${r.file}`)];
    throw new Error(lines.join('\n'));
  }
  if (!(ref in source)) throw new Error(`cannot extend service "${name}" in ${sourceFile}: service "${ref}" not found`);
  const base = resolveService(ref, source[ref], source, readModel, sourceFile, chain);
  const own = { ...svc };
  delete own.extends;
  return mergeModels(base, own, ['services', name]);
}
