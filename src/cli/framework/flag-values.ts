/**
 * How each pflag Value type parses a string, with pflag's/docker's error texts (these end up in
 * `invalid argument "<v>" for "<flag>" flag: <err>`).
 */
import { ramInBytes } from '../../lib/units';
import type { FlagSpec } from './types';
import { pushAll } from '../../lib/arrays';
import { parseGpuRequest } from './gpu-opts';

export type ValueKind = 'bool' | 'string' | 'int' | 'uint' | 'duration' | 'list' | 'float';

const LIST_TYPES = new Set(['list', 'filter', 'map', 'stringArray', 'strings', 'ulimit', 'mount', 'port', 'gpu-request', 'network', 'external-ca', 'secret', 'config', 'pref', 'throttled-device', 'weighted-device', 'command', 'stringSlice', 'ints']);

/**
 * docker-cli's ListOpts that check each value as it is given (opts.NewListOpts(validator)); the
 * error becomes `invalid argument "<v>" for "<flag>" flag: <err>`. `run`/`create -a`: validateAttach.
 */
const LIST_VALIDATORS: Record<string, (v: string) => void> = {
  attach: (v) => {
    if (!['stdin', 'stdout', 'stderr'].includes(v.toLowerCase())) throw new Error('valid streams are STDIN, STDOUT and STDERR');
  },
};

export function valueKind(f: FlagSpec): ValueKind {
  switch (f.type) {
    case 'bool': return 'bool';
    case 'int': case 'int64': case 'int32': return 'int';
    case 'uint': case 'uint64': case 'uint16': case 'uint32': return 'uint';
    case 'duration': return 'duration';
    case 'float': case 'float64': case 'decimal': return 'float';
    default: return LIST_TYPES.has(f.type) ? 'list' : 'string';
  }
}

/** The zero/default value of a flag. */
export function defaultValue(f: FlagSpec): string | boolean | number | string[] {
  switch (valueKind(f)) {
    case 'bool': return f.default === 'true';
    case 'int': case 'uint': case 'float': return f.default ? Number(f.default) : 0;
    case 'duration': return f.default ? parseDuration(f.default) : 0;
    case 'list': return [];
    default: return f.default ?? '';
  }
}

/** Go's time.ParseDuration, in milliseconds. */
export function parseDuration(s: string): number {
  const orig = s;
  if (s === '0') return 0;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') { if (s[0] === '-') sign = -1; s = s.slice(1); }
  const re = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  let total = 0;
  if (!s) throw new Error(`time: invalid duration "${orig}"`);
  while (s) {
    const m = re.exec(s);
    if (!m) {
      if (/^\d+(\.\d*)?$/.test(s)) throw new Error(`time: missing unit in duration "${orig}"`);
      const u = /^\d*(?:\.\d*)?([^\d.]+)/.exec(s);
      if (u && /^[a-zA-Zµμ]+/.test(u[1]!)) throw new Error(`time: unknown unit "${u[1]!.match(/^[^\d.]+/)![0]}" in duration "${orig}"`);
      throw new Error(`time: invalid duration "${orig}"`);
    }
    total += parseFloat(m[1]!) * unit[m[2]!]!;
    s = s.slice(m[0].length);
  }
  return sign * total;
}

/** Parse one occurrence; `prev` is the current value (lists accumulate). Throws with pflag's text. */
export function parseValue(f: FlagSpec, raw: string, prev: unknown): string | boolean | number | string[] {
  switch (valueKind(f)) {
    case 'bool': {
      const t = ['1', 't', 'T', 'TRUE', 'true', 'True'];
      const fl = ['0', 'f', 'F', 'FALSE', 'false', 'False'];
      if (t.includes(raw)) return true;
      if (fl.includes(raw)) return false;
      throw new Error(`strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
    }
    case 'int': case 'uint': {
      const ok = valueKind(f) === 'int' ? /^[-+]?\d+$/ : /^\+?\d+$/;
      const fn = valueKind(f) === 'int' ? 'ParseInt' : 'ParseUint';
      if (!ok.test(raw)) throw new Error(`strconv.${fn}: parsing ${JSON.stringify(raw)}: invalid syntax`);
      return Number(raw);
    }
    case 'float': {
      if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(raw)}: invalid syntax`);
      return Number(raw);
    }
    case 'duration': return parseDuration(raw);
    case 'list': {
      if (f.type === 'list') LIST_VALIDATORS[f.long]?.(raw);
      if (f.type === 'gpu-request') parseGpuRequest(raw);
      // opts.FilterOpt.Set (filters.ParseFlag): an empty value adds nothing, one without `=` is refused.
      if (f.type === 'filter' && raw !== '' && !raw.includes('=')) throw new Error('bad format of filter (expected name=value)');
      const list = Array.isArray(prev) ? [...(prev as string[])] : [];
      // pflag's stringSlice splits on commas; docker's ListOpts/stringArray take the value whole
      if (f.type === 'strings' || f.type === 'stringSlice') pushAll(list, raw.split(','));
      else list.push(raw);
      return list;
    }
    default:
      if (f.type === 'bytes') {
        try { ramInBytes(raw); } catch (e) { throw e; }
      }
      return raw;
  }
}
