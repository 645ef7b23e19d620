/**
 * Formats shared by ls, stat, du, df, find: the `drwxr-xr-x` mode string, GNU's human sizes
 * (rounded up, one decimal under 10), the ls date column, C-locale dates, name sorting.
 */
import type { FileKind, Stat } from '../../../api/fs';

const KIND_CHAR: Record<FileKind, string> = { file: '-', dir: 'd', symlink: 'l', chardev: 'c', fifo: 'p', socket: 's' };

export function modeString(st: Pick<Stat, 'kind' | 'mode'>): string {
  const m = st.mode;
  const rwx = (bits: number, special: boolean, sch: string) => {
    const x = bits & 1;
    const xc = special ? (x ? sch : sch.toUpperCase()) : x ? 'x' : '-';
    return (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + xc;
  };
  return KIND_CHAR[st.kind] + rwx((m >> 6) & 7, (m & 0o4000) !== 0, 's') + rwx((m >> 3) & 7, (m & 0o2000) !== 0, 's') + rwx(m & 7, (m & 0o1000) !== 0, 't');
}

/**
 * GNU's human_readable with ceiling rounding, as `ls -h`, `du -h`, `df -h` print it:
 * 1023 → 1023, 1024 → 1.0K, 1537 → 1.6K, 10241 → 11K.
 */
export function humanSize(bytes: number, base = 1024): string {
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  if (bytes < base) return String(bytes);
  let v = bytes;
  let u = -1;
  while (v >= base && u < units.length - 1) {
    v /= base;
    u++;
  }
  if (v < 10) {
    let r = Math.ceil(v * 10 - 1e-9) / 10;
    if (r >= 10) return humanInt(10, u, units);
    return r.toFixed(1) + units[u];
  }
  return humanInt(Math.ceil(v - 1e-9), u, units);
}
function humanInt(n: number, u: number, units: string[]): string {
  if (n >= 1024 && u < units.length - 1) return '1.0' + units[u + 1];
  return n + units[u];
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `Oct  1 09:00` when within the last six months, else `Oct  1  2024` (ls -l, in UTC). */
export function lsDate(t: number, now: number): string {
  const d = new Date(t);
  const sixMonths = (365.2425 * 24 * 3600 * 1000) / 2;
  const recent = t > now - sixMonths && t <= now + 1000;
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const tail = recent ? `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : ' ' + d.getUTCFullYear();
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

/** `2025-10-01 09:00:00.000000000 +0000`, as stat prints times. */
export function fullDate(t: number): string {
  const d = new Date(t);
  const ms = String(Math.floor(t) % 1000).padStart(3, '0');
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${ms}000000 +0000`;
}

/**
 * Name order. Under a UTF-8 locale (the learner's host) GNU sorts like glibc's collation: case and
 * punctuation ignored first; in the C/POSIX locale (most containers) it is byte order.
 */
export function nameComparator(env: Record<string, string>): (a: string, b: string) => number {
  const loc = env.LC_ALL || env.LC_COLLATE || env.LANG || '';
  const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (!loc || loc === 'C' || loc === 'POSIX' || loc.startsWith('C.')) return bytes;
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return bytes(b, a) || 0; // lower case before upper at a tie, as en_US does
  };
}

/** Disk usage in 1K blocks, as a 4K-block filesystem reports it. */
export function blocks1k(st: Stat): number {
  if (st.kind === 'symlink' || st.kind === 'chardev' || st.kind === 'fifo' || st.kind === 'socket') return 0;
  if (st.kind === 'dir') return 4;
  return Math.ceil(st.size / 4096) * 4;
}

/** Shell-style quoting ls uses for names with special characters on a terminal. */
export function shellQuote(name: string): string {
  if (/^[A-Za-z0-9_./+,:@%^=-]+$/.test(name)) return name;
  if (!name.includes("'")) return `'${name}'`;
  return `"${name.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** Display width (CJK wide characters count 2). */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

/** GNU ls's vertical column layout: the most columns whose total width stays under the line. */
export function columns(names: string[], lineWidth: number): string {
  if (names.length === 0) return '';
  const w = names.map(width);
  let best = 1;
  for (let cols = Math.min(names.length, Math.floor(lineWidth / 3) || 1); cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) !== cols) continue;
    let total = 0;
    for (let c = 0; c < cols; c++) {
      let m = 0;
      for (let r = 0; r < rows; r++) {
        const i = c * rows + r;
        if (i < names.length) m = Math.max(m, w[i]);
      }
      total += m + (c < cols - 1 ? 2 : 0);
    }
    if (total < lineWidth) {
      best = cols;
      break;
    }
  }
  const rows = Math.ceil(names.length / best);
  const colW: number[] = [];
  for (let c = 0; c < best; c++) {
    let m = 0;
    for (let r = 0; r < rows; r++) {
      const i = c * rows + r;
      if (i < names.length) m = Math.max(m, w[i]);
    }
    colW.push(m + 2);
  }
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < best; c++) {
      const i = c * rows + r;
      if (i >= names.length) break;
      const last = c === best - 1 || (c + 1) * rows + r >= names.length;
      line += last ? names[i] : names[i] + ' '.repeat(colW[c] - w[i]);
    }
    out += line + '\n';
  }
  return out;
}
