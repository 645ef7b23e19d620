/**
 * BusyBox's error wording for applets whose work is done by the GNU implementations. The output
 * of `cat`, `rm`, `head` … is the same in both families; only their complaints differ (`cat: can't
 * open 'x': …` against GNU's `cat: x: …`). Rather than threading a flavour through every message of
 * every GNU program, the applet runs the GNU code with its stderr passed through these rewrites:
 * each GNU message line that BusyBox words differently becomes BusyBox's line.
 */
import type { ProgramContext, WriteStream } from '../../process/types';

type Rule = [RegExp, string];

const ENOENTISH = '(No such file or directory|Permission denied|Not a directory|Is a directory)';

/** Per applet: GNU line → BusyBox line (both without the trailing newline). */
const RULES: Record<string, Rule[]> = {
  cat: [
    [new RegExp(`^cat: (.+): Is a directory$`), 'cat: read error: Is a directory'],
    [new RegExp(`^cat: (.+): ${ENOENTISH}$`), "cat: can't open '$1': $2"],
  ],
  head: [[/^head: cannot open '(.+)' for reading: (.+)$/, "head: can't open '$1': $2"]],
  tail: [[/^tail: cannot open '(.+)' for reading: (.+)$/, "tail: can't open '$1': $2"]],
  wc: [[new RegExp(`^wc: (.+): ${ENOENTISH}$`), "wc: can't open '$1': $2"]],
  sort: [[/^sort: (?:cannot read|open failed): '?(.+?)'?: (.+)$/, "sort: can't open '$1': $2"]],
  uniq: [[/^uniq: (.+): (.+)$/, "uniq: can't open '$1': $2"]],
  cut: [[new RegExp(`^cut: (.+): ${ENOENTISH}$`), "cut: can't open '$1': $2"]],
  rm: [
    [/^rm: cannot remove '(.+)': Is a directory$/, "rm: '$1' is a directory"],
    [/^rm: cannot remove '(.+)': (.+)$/, "rm: can't remove '$1': $2"],
  ],
  rmdir: [[/^rmdir: failed to remove '(.+)': (.+)$/, "rmdir: '$1': $2"]],
  mkdir: [[/^mkdir: cannot create directory '(.+)': (.+)$/, "mkdir: can't create directory '$1': $2"]],
  cp: [
    [/^cp: -r not specified; omitting directory '(.+)'$/, "cp: omitting directory '$1'"],
    [/^cp: cannot stat '(.+)': (.+)$/, "cp: can't stat '$1': $2"],
    [/^cp: cannot create regular file '(.+)': (.+)$/, "cp: can't create '$1': $2"],
  ],
  mv: [[/^mv: cannot (?:stat|move) '(.+?)'(?: to .*)?: (.+)$/, "mv: can't rename '$1': $2"]],
  touch: [[/^touch: cannot touch '(.+)': (.+)$/, 'touch: $1: $2']],
  chmod: [[/^chmod: cannot access '(.+)': (.+)$/, 'chmod: $1: $2']],
  chown: [[/^chown: cannot access '(.+)': (.+)$/, 'chown: $1: $2']],
  ln: [[/^ln: failed to create (?:symbolic|hard) link '(.+)': (.+)$/, 'ln: $1: $2']],
  stat: [[/^stat: cannot statx? '(.+)': (.+)$/, "stat: can't stat '$1': $2"]],
  du: [[/^du: cannot access '(.+)': (.+)$/, 'du: $1: $2']],
  sleep: [[/^sleep: invalid time interval '(.+)'$/, "sleep: invalid number '$1'"]],
  kill: [[/^kill: \((\d+)\) - (.+)$/, "kill: can't kill pid $1: $2"]],
  tee: [[new RegExp(`^tee: (.+): ${ENOENTISH}$`), "tee: can't open '$1': $2"]],
};

/** GNU's "cannot VERB 'x'" left over in any applet reads "can't VERB 'x'" in BusyBox. */
const GENERIC: Rule[] = [[/^(\S+): cannot (\w+) '(.+)'(.*)$/, "$1: can't $2 '$3'$4"]];

export function rewriteLine(applet: string, line: string): string {
  for (const [re, to] of RULES[applet] ?? []) if (re.test(line)) return line.replace(re, to);
  for (const [re, to] of GENERIC) if (re.test(line)) return line.replace(re, to);
  return line;
}

const dec = new TextDecoder();

/** A stderr that rewrites GNU wording line by line (GNU programs write whole lines). */
export function busyboxStderr(applet: string, inner: WriteStream): WriteStream {
  return {
    get isTTY() {
      return inner.isTTY;
    },
    close: () => inner.close(),
    write(chunk) {
      const text = typeof chunk === 'string' ? chunk : dec.decode(chunk);
      return inner.write(text.split('\n').map((l) => (l ? rewriteLine(applet, l) : l)).join('\n'));
    },
  };
}

/** The context a GNU implementation gets when it runs as a BusyBox applet. */
export function asApplet(ctx: ProgramContext, applet: string): ProgramContext {
  return { ...ctx, stderr: busyboxStderr(applet, ctx.stderr) };
}
