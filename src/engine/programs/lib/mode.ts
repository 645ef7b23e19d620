/**
 * chmod-style modes: octal (`755`, `4755`) and symbolic (`u+x`, `go-w`, `a=rX`, `u=g`, `+t`),
 * applied to a current mode the way GNU's mode_adjust does (umask 022 when no who is given).
 */

export type ModeChange = (mode: number, isDir: boolean) => number;

export function parseMode(spec: string, umask = 0o022): ModeChange | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) {
    const v = parseInt(spec, 8);
    // GNU keeps a directory's setuid/setgid bits when an octal mode of 3 digits or fewer is given.
    return (m, isDir) => (isDir && spec.length <= 3 ? (m & 0o6000) | v : v);
  }
  const clauses = spec.split(',');
  const steps: { who: number; op: string; perm: string }[] = [];
  for (const c of clauses) {
    const m = /^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/.exec(c);
    if (!m) return undefined;
    let who = 0;
    for (const w of m[1]) who |= w === 'u' ? 0o4700 : w === 'g' ? 0o2070 : w === 'o' ? 0o1007 : 0o7777;
    const actions = m[2].match(/[-+=][rwxXstugo]*/g)!;
    for (const a of actions) {
      if (/[ugo]/.test(a.slice(1)) && /[rwxXst]/.test(a.slice(1))) return undefined;
      steps.push({ who, op: a[0], perm: a.slice(1) });
    }
  }
  return (mode, isDir) => {
    let m = mode & 0o7777;
    for (const s of steps) {
      const whoMask = s.who || 0o7777;
      let bits = 0;
      for (const p of s.perm) {
        if (p === 'r') bits |= 0o444;
        else if (p === 'w') bits |= 0o222;
        else if (p === 'x') bits |= 0o111;
        else if (p === 'X') bits |= isDir || m & 0o111 ? 0o111 : 0;
        else if (p === 's') bits |= 0o6000;
        else if (p === 't') bits |= 0o1000;
        else {
          const src = p === 'u' ? (m >> 6) & 7 : p === 'g' ? (m >> 3) & 7 : m & 7;
          bits |= (src << 6) | (src << 3) | src;
        }
      }
      let eff = bits & whoMask;
      if (!s.who) eff &= ~umask | 0o7000;
      if (!s.who && (s.perm.includes('t'))) eff |= 0o1000;
      if (s.op === '+') m |= eff;
      else if (s.op === '-') m &= ~eff;
      else {
        // `=` on a directory keeps its setuid/setgid bits unless they are named (GNU's rule).
        const clear = whoMask & (isDir && !s.perm.includes('s') ? ~0o6000 : 0o7777);
        m = (m & ~clear) | eff;
      }
    }
    return m & 0o7777;
  };
}
