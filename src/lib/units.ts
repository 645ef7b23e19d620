/** docker/go-units: human durations and sizes exactly as the CLI prints them (cli-format.md §7). */

/** Go's `%.*g`: `precision` significant digits, exponent form when exp < -4 or exp >= precision. */
export function formatG(x: number, precision: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  const p = precision <= 0 ? 1 : precision;
  if (x === 0) return '0';
  const expForm = x.toExponential(p - 1); // rounding decides the exponent, as in Go
  const [mant, expStr] = expForm.split('e') as [string, string];
  const exp = Number(expStr);
  if (exp < -4 || exp >= p) {
    const m = stripZeros(mant);
    const sign = exp < 0 ? '-' : '+';
    return `${m}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return stripZeros(x.toFixed(Math.max(0, p - 1 - exp)));
}

function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function sizeAndUnit(size: number, base: number, units: string[]): [number, string] {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return [size, units[i]!];
}

export function humanSizeWithPrecision(size: number, precision: number): string {
  const [s, u] = sizeAndUnit(size, 1000, DECIMAL);
  return formatG(s, precision) + u;
}

/** Four significant digits, decimal units (`1.024kB`). */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/** Four significant digits, binary units (`3.42GiB`). */
export function bytesSize(size: number): string {
  const [s, u] = sizeAndUnit(size, 1024, BINARY);
  return formatG(s, 4) + u;
}

/** go-units HumanDuration; `seconds` may be fractional. */
export function humanDuration(seconds: number): string {
  const s = Math.trunc(seconds);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(seconds / 3600 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(seconds / 3600) / 24 / 365)} years`;
}

const SIZE_RE = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;

function parseSize(s: string, binary: boolean): number {
  const m = SIZE_RE.exec(s);
  if (!m) throw new Error(`invalid size: '${s}'`);
  let size = parseFloat(m[1]!);
  const base = binary ? 1024 : 1000;
  const exp = m[2] ? 'kmgtp'.indexOf(m[2].toLowerCase()) + 1 : 0;
  size *= base ** exp;
  return Math.trunc(size);
}

/** `-m 512m`: binary multipliers, case-insensitive; throws `invalid size: '<s>'`. */
export function ramInBytes(s: string): number {
  return parseSize(s, true);
}

/** Decimal multipliers (`1kB` = 1000). */
export function fromHumanSize(s: string): number {
  return parseSize(s, false);
}
