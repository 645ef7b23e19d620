/**
 * The three shells people meet in Docker tutorials share one implementation; what differs is how
 * they word errors and their default prompt. bash on the host and in ubuntu/debian images run as
 * `bash`; Debian/Ubuntu's /bin/sh is dash; busybox/alpine's /bin/sh is ash.
 */
export type FlavourName = 'bash' | 'dash' | 'ash';

export interface Flavour {
  name: FlavourName;
  /** Where the error happened: the prefix bash prints before a message. */
  prefix(shellName: string, line: number, mode: 'interactive' | 'command' | 'script'): string;
  notFound(cmd: string): string;
  /** Default PS1 (before any profile is read). */
  ps1: string;
  syntaxError(token: string | undefined): string;
}

export const FLAVOURS: Record<FlavourName, Flavour> = {
  bash: {
    name: 'bash',
    prefix: (n, line, mode) => (mode === 'interactive' ? `${n}: ` : `${n}: line ${line}: `),
    notFound: (cmd) => `${cmd}: command not found`,
    ps1: '\\u@\\h:\\w\\$ ',
    syntaxError: (t) => (t === undefined ? 'syntax error: unexpected end of file' : `syntax error near unexpected token \`${t}'`),
  },
  dash: {
    name: 'dash',
    prefix: (n, line) => `${n}: ${line}: `,
    notFound: (cmd) => `${cmd}: not found`,
    ps1: '\\$ ',
    syntaxError: (t) => (t === undefined ? 'Syntax error: end of file unexpected' : t === 'newline' ? 'Syntax error: newline unexpected' : `Syntax error: "${t}" unexpected`),
  },
  ash: {
    name: 'ash',
    prefix: (n, line, mode) => (mode === 'script' ? `${n}: line ${line}: ` : `${n}: `),
    notFound: (cmd) => `${cmd}: not found`,
    ps1: '\\w \\$ ',
    syntaxError: (t) => (t === undefined ? 'syntax error: unexpected end of file' : `syntax error: unexpected "${t}"`),
  },
};

/** Expand a prompt string's backslash escapes (bash's PROMPTING section, the common subset). */
export function expandPrompt(ps: string, v: { user: string; host: string; cwd: string; home?: string; uid: number; shell: string; getVar?: (name: string) => string | undefined }): string {
  // bash's promptvars: parameters in PS1 expand each time it is shown (Debian's
  // `${debian_chroot:+($debian_chroot)}`); command substitution in prompts is left out.
  if (v.getVar) {
    const get = v.getVar;
    ps = ps.replace(/(?<!\\)\$\{(\w+)(:?[-+=])?([^}]*)\}|(?<!\\)\$([A-Za-z_]\w*)/g, (_m, name: string | undefined, op: string | undefined, word: string, bare: string | undefined) => {
      const val = get((name ?? bare)!);
      if (!op) return val ?? '';
      const set = op.startsWith(':') ? !!val : val !== undefined;
      if (op.endsWith('+')) return set ? word.replace(/\$(\w+)/g, (_x, n: string) => get(n) ?? '') : '';
      return set ? val! : word;
    });
  }
  return ps.replace(/\\([uhHwW$nsv\\\[\]e]|\d{3})/g, (_, c: string) => {
    switch (c) {
      case 'u': return v.user;
      case 'h': return v.host.split('.')[0];
      case 'H': return v.host;
      case 'w': return v.home && (v.cwd === v.home || v.cwd.startsWith(v.home + '/')) ? '~' + v.cwd.slice(v.home.length) : v.cwd;
      case 'W': return v.home && v.cwd === v.home ? '~' : v.cwd === '/' ? '/' : v.cwd.slice(v.cwd.lastIndexOf('/') + 1);
      case '$': return v.uid === 0 ? '#' : '$';
      case 'n': return '\n';
      case 's': return v.shell;
      case 'v': return '5.2';
      case '\\': return '\\';
      case '[': case ']': return '';
      case 'e': return '\x1b';
      default: return String.fromCharCode(parseInt(c, 8));
    }
  });
}
