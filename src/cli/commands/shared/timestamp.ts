/**
 * The client side of `--since`/`--until` (moby api/types/time GetTimestamp, which docker events
 * uses): a Go duration counts back from now, an RFC 3339 date or time is turned into
 * `seconds.nanoseconds`, and a Unix timestamp passes through as typed. The machine's clock is UTC,
 * so "local" times are UTC.
 */

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration, in milliseconds; undefined when the text is not a duration. */
export function parseGoDuration(s: string): number | undefined {
  const m = /^([-+]?)(.*)$/.exec(s)!;
  let rest = m[2];
  if (rest === '0') return 0;
  if (!rest) return undefined;
  let ns = 0;
  while (rest) {
    const part = /^(\d*(?:\.\d*)?)(ns|us|µs|μs|ms|s|m|h)/.exec(rest);
    if (!part || part[1] === '' || part[1] === '.') return undefined;
    ns += Number(part[1]) * UNIT_NS[part[2]];
    rest = rest.slice(part[0].length);
  }
  return (m[1] === '-' ? -ns : ns) / 1e6;
}

/** `failed to parse …` and Go's time.Parse errors, as the CLI prints them. */
export class TimestampError extends Error {}

/** GetTimestamp(value, now): the API's `since`/`until` form of what the user typed. */
export function getTimestamp(value: string, nowMs: number): string {
  const d = parseGoDuration(value);
  if (value !== '0' && d !== undefined) return String(Math.floor((nowMs - d) / 1000));
  const t = parseRfc3339ish(value);
  if (t === undefined) {
    if (value.includes('-')) throw new TimestampError(`parsing time "${value}": cannot parse "${value}" as a date and time`);
    if (!/^-?\d+(\.\d+)?$/.test(value)) throw new TimestampError(`failed to parse value as time or duration: "${value}"`);
    return value;
  }
  const sec = Math.floor(t.ms / 1000);
  const nanos = (t.ms - sec * 1000) * 1e6 + t.extraNanos;
  return `${sec}.${String(nanos).padStart(9, '0')}`;
}

/**
 * The layouts GetTimestamp tries: `2006-01-02`, `2006-01-02T15`, `…T15:04`, `…T15:04:05`, with
 * optional fractional seconds and an optional `Z` or `±07:00` zone.
 */
function parseRfc3339ish(v: string): { ms: number; extraNanos: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/.exec(v);
  if (!m) return undefined;
  const [, y, mo, da, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const num = [y, mo, da, h, mi, s].map(Number);
  if (num[1] < 1 || num[1] > 12 || num[2] < 1 || num[2] > 31 || num[3] > 23 || num[4] > 59 || num[5] > 59) return undefined;
  let ms = Date.UTC(num[0], num[1] - 1, num[2], num[3], num[4], num[5]);
  if (/^[+-]/.test(zone)) {
    const sign = zone[0] === '-' ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  const f = frac.padEnd(9, '0');
  ms += Number(f.slice(0, 3));
  return { ms, extraNanos: Number(f.slice(3)) };
}
