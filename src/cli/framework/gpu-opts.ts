/**
 * `--gpus` values as docker-cli v28.5.2 reads them (opts/gpus.go GpuOpts.Set): csv fields `all` or a
 * count, `driver=`, `count=`, `device=`, `capabilities=`, `options=`; each value is one device
 * request, checked while the flags are parsed.
 */

export interface DeviceRequest {
  Driver: string;
  Count: number;
  DeviceIDs: string[] | null;
  Capabilities: string[][] | null;
  Options: Record<string, string> | null;
}

/** Go's encoding/csv reading one record: fields split at commas, `"…"` quoting with `""` for a quote. */
function csvFields(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (value[i] === '"') {
      i++;
      for (;;) {
        if (i >= value.length) throw new Error(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
        if (value[i] === '"' && value[i + 1] === '"') { field += '"'; i += 2; continue; }
        if (value[i] === '"') { i++; break; }
        field += value[i++];
      }
      if (i < value.length && value[i] !== ',') throw new Error(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
    } else {
      const comma = value.indexOf(',', i);
      field = value.slice(i, comma < 0 ? undefined : comma);
      if (field.includes('"')) throw new Error(`parse error on line 1, column ${i + field.indexOf('"') + 1}: bare " in non-quoted-field`);
      i = comma < 0 ? value.length : comma;
    }
    out.push(field);
    if (i >= value.length) return out;
    i++; // the comma
  }
}

/** strconv.Atoi's error, or -1 for `all`. */
function parseCount(s: string): number {
  if (s === 'all') return -1;
  if (!/^[+-]?\d+$/.test(s)) throw new Error(`count must be an integer: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

/** One `--gpus` value (GpuOpts.Set); the flag parser wraps what it throws in `invalid argument … for "--gpus" flag: …`. */
export function parseGpuRequest(value: string): DeviceRequest {
  const req: DeviceRequest = { Driver: '', Count: 0, DeviceIDs: null, Capabilities: null, Options: null };
  const seen = new Set<string>();
  for (const field of csvFields(value)) {
    const eq = field.indexOf('=');
    const key = eq < 0 ? field : field.slice(0, eq);
    const val = eq < 0 ? '' : field.slice(eq + 1);
    if (seen.has(key)) throw new Error(`gpu request key '${key}' can be specified only once`);
    seen.add(key);
    if (eq < 0) {
      seen.add('count');
      req.Count = parseCount(key);
      continue;
    }
    switch (key) {
      case 'driver': req.Driver = val; break;
      case 'count': req.Count = parseCount(val); break;
      case 'device': req.DeviceIDs = val.split(','); break;
      case 'capabilities': req.Capabilities = [[...val.split(','), 'gpu']]; break;
      case 'options': req.Options = Object.fromEntries(csvFields(val).map((kv) => [kv.split('=')[0], kv.split('=').slice(1).join('=')])); break;
      default: throw new Error(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (!seen.has('count') && req.DeviceIDs === null) req.Count = 1;
  req.Options ??= {};
  req.Capabilities ??= [['gpu']];
  return req;
}

