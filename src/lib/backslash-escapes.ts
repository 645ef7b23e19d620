/**
 * Backslash escapes as `echo -e` and `printf` read them: \n \t \r \a \b \e \f \v \\, \xHH, octal
 * bytes, and \c, which ends the output there. The shell's builtins and the coreutils programs
 * differ only in how many octal digits follow the backslash, so that is the one parameter:
 * - 'echo': \0 and then up to three digits (`\0101` is A); \1 to \7 stay as typed. GNU echo,
 *   bash's echo -e and printf %b.
 * - 'zero-optional': up to three digits after an optional leading 0 (`\101` and `\0101` are both
 *   A). bash's printf format; coreutils' printf %b (print_esc with octal_0).
 * - 'three': up to three digits in all, the 0 among them (`\0101` is \010 and then 1).
 *   coreutils' printf format (print_esc without octal_0).
 */
export type OctalRule = 'echo' | 'zero-optional' | 'three';

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '\\': '\\' };

/** The text with its escapes replaced, and whether a `\c` stopped it (nothing more is printed). */
export function backslashEscapes(s: string, octal: OctalRule): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      text += c;
      continue;
    }
    const e = s[++i];
    if (e in SIMPLE) text += SIMPLE[e];
    else if (e === 'c') return { text, stop: true };
    else if (e === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        text += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else text += '\\x';
    } else if (/[0-7]/.test(e) && (e === '0' || octal !== 'echo')) {
      // How many digits may follow the one just read.
      const more = e === '0' && octal !== 'three' ? 3 : 2;
      const m = new RegExp(`^[0-7]{0,${more}}`).exec(s.slice(i + 1))![0];
      text += String.fromCharCode(parseInt(e + m, 8) & 255);
      i += m.length;
    } else text += '\\' + e;
  }
  return { text, stop: false };
}
