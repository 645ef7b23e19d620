/** Small helpers builtins share: writing to their descriptors, option parsing. */
import type { Shell } from '../shell';
import type { WriteStream } from '../../engine/process/types';

export async function out(sh: Shell, text: string): Promise<void> {
  const w = sh.fds.get(1) as WriteStream | undefined;
  if (!w) throw new Error('write error: Bad file descriptor');
  if (text) await w.write(text);
}

export async function err(sh: Shell, name: string, msg: string): Promise<void> {
  await sh.error(`${name}: ${msg}`);
}

/** Backslash escapes of `echo -e`, `printf %b` and printf formats. `\c` stops output. */
export function escapes(s: string, octalNeedsZero: boolean): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      text += c;
      continue;
    }
    const e = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '\\': '\\' };
    if (e in simple) text += simple[e];
    else if (e === 'c') return { text, stop: true };
    else if (e === '0' || (!octalNeedsZero && /[0-7]/.test(e))) {
      const max = e === '0' && octalNeedsZero ? 3 : e === '0' ? 3 : 2;
      const m = new RegExp(`^[0-7]{0,${max}}`).exec(s.slice(i + 1))![0];
      const digits = e === '0' && octalNeedsZero ? m : e + m;
      text += String.fromCharCode(parseInt(digits || '0', 8) & 255);
      i += m.length;
    } else if (e === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        text += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else text += '\\x';
    } else text += '\\' + e;
  }
  return { text, stop: false };
}
