/**
 * Dates for date, touch -d and ls: a strftime for `date +FORMAT` and a small parser for the date
 * strings learners type (`@1700000000`, `2024-01-05`, `2024-01-05 10:00`, `yesterday`,
 * `3 days ago`, `+2 hours`). Everything is UTC: the simulated machines have TZ unset.
 */
import { DAYS, MONTHS } from './format';

const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number, c = '0') => String(n).padStart(2, c);

export function strftime(fmt: string, t: number): string {
  const d = new Date(t);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%' || i + 1 >= fmt.length) {
      out += fmt[i];
      continue;
    }
    const c = fmt[++i];
    switch (c) {
      case 'a': out += DAYS[w]; break;
      case 'A': out += FULL_DAYS[w]; break;
      case 'b': case 'h': out += MONTHS[m]; break;
      case 'B': out += FULL_MONTHS[m]; break;
      case 'c': out += `${DAYS[w]} ${MONTHS[m]} ${p2(day, ' ')} ${p2(H)}:${p2(M)}:${p2(S)} ${Y}`; break;
      case 'C': out += p2(Math.floor(Y / 100)); break;
      case 'd': out += p2(day); break;
      case 'D': out += `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`; break;
      case 'e': out += p2(day, ' '); break;
      case 'F': out += `${Y}-${p2(m + 1)}-${p2(day)}`; break;
      case 'H': out += p2(H); break;
      case 'I': out += p2(H % 12 || 12); break;
      case 'j': out += String(yday).padStart(3, '0'); break;
      case 'k': out += p2(H, ' '); break;
      case 'l': out += p2(H % 12 || 12, ' '); break;
      case 'm': out += p2(m + 1); break;
      case 'M': out += p2(M); break;
      case 'n': out += '\n'; break;
      case 'N': out += String((t % 1000) * 1e6).padStart(9, '0'); break;
      case 'p': out += H < 12 ? 'AM' : 'PM'; break;
      case 'P': out += H < 12 ? 'am' : 'pm'; break;
      case 'r': out += `${p2(H % 12 || 12)}:${p2(M)}:${p2(S)} ${H < 12 ? 'AM' : 'PM'}`; break;
      case 'R': out += `${p2(H)}:${p2(M)}`; break;
      case 's': out += String(Math.floor(t / 1000)); break;
      case 'S': out += p2(S); break;
      case 't': out += '\t'; break;
      case 'T': out += `${p2(H)}:${p2(M)}:${p2(S)}`; break;
      case 'u': out += String(w || 7); break;
      case 'w': out += String(w); break;
      case 'y': out += p2(Y % 100); break;
      case 'Y': out += String(Y); break;
      case 'z': out += '+0000'; break;
      case ':': if (fmt[i + 1] === 'z') { i++; out += '+00:00'; } else out += '%:'; break;
      case 'Z': out += 'UTC'; break;
      case '%': out += '%'; break;
      default: out += '%' + c;
    }
  }
  return out;
}

const UNITS: Record<string, number> = { sec: 1000, second: 1000, min: 60000, minute: 60000, hour: 3600000, day: 86400000, week: 604800000, fortnight: 1209600000 };

/** Milliseconds since the epoch, or undefined when the string is not understood. */
export function parseDate(s: string, now: number): number | undefined {
  const t = s.trim().toLowerCase();
  if (t === '' || t === 'now' || t === 'today') return now;
  if (t === 'yesterday') return now - 86400000;
  if (t === 'tomorrow') return now + 86400000;
  let m = /^@(-?\d+(?:\.\d+)?)$/.exec(t);
  if (m) return Math.round(Number(m[1]) * 1000);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (m) {
    let v = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    const tz = m[7];
    if (tz && tz !== 'z' && tz !== 'utc') {
      const sign = tz[0] === '-' ? -1 : 1;
      const digits = tz.slice(1).replace(':', '');
      v -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
    }
    return v;
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) {
    const d = new Date(now);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
  }
  m = /^([+-]?\d+)\s*(sec|second|min|minute|hour|day|week|fortnight|month|year)s?(\s+ago)?$/.exec(t);
  if (m) {
    let n = Number(m[1]);
    if (m[3]) n = -n;
    if (m[2] === 'month' || m[2] === 'year') {
      const d = new Date(now);
      if (m[2] === 'month') d.setUTCMonth(d.getUTCMonth() + n);
      else d.setUTCFullYear(d.getUTCFullYear() + n);
      return d.getTime();
    }
    return now + n * UNITS[m[2]];
  }
  return undefined;
}
