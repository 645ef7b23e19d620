/**
 * Option parsing in the style of getopt_long, as GNU coreutils use it: clustered short options
 * (`-la`), attached or separate arguments (`-n5`, `-n 5`), long options with `=` or a separate
 * argument and unique-prefix abbreviation (`--human` for `--human-readable`), `--` ending options,
 * and GNU's argument permutation (options may follow operands unless POSIXLY_CORRECT-like
 * `stopAtOperand` is asked for, as xargs/sudo/env need).
 *
 * The wording of errors belongs to a Flavour, so a busybox flavour can later reuse every program
 * with its own messages (`ls: unrecognized option: z` and a usage block instead of GNU's lines).
 */
import { pushAll } from '../../../lib/arrays';

export interface Flavour {
  readonly name: 'gnu' | 'busybox' | 'util-linux';
  invalid(prog: string, ch: string): string;
  unrecognized(prog: string, opt: string): string;
  needsArg(prog: string, opt: string, long: boolean): string;
  noArg(prog: string, opt: string): string;
  ambiguous(prog: string, opt: string, choices: string[]): string;
  /** The line that follows a usage error (GNU: "Try 'ls --help' for more information."). */
  tryHelp(prog: string): string;
  version(prog: string): string;
}

export const GNU: Flavour = {
  name: 'gnu',
  invalid: (p, c) => `${p}: invalid option -- '${c}'`,
  unrecognized: (p, o) => `${p}: unrecognized option '${o}'`,
  needsArg: (p, o, long) => (long ? `${p}: option '--${o}' requires an argument` : `${p}: option requires an argument -- '${o}'`),
  noArg: (p, o) => `${p}: option '--${o}' doesn't allow an argument`,
  ambiguous: (p, o, cs) => `${p}: option '${o}' is ambiguous; possibilities:${cs.map((c) => ` '--${c}'`).join('')}`,
  tryHelp: (p) => `Try '${p} --help' for more information.`,
  version: (p) => `${p} (GNU coreutils) 9.4\n`,
};

export const BUSYBOX: Flavour = {
  name: 'busybox',
  invalid: (p, c) => `${p}: unrecognized option: ${c}`,
  unrecognized: (p, o) => `${p}: unrecognized option: ${o.replace(/^--/, '')}`,
  needsArg: (p, o) => `${p}: option requires an argument: ${o}`,
  noArg: (p, o) => `${p}: option '--${o}' doesn't allow an argument`,
  ambiguous: (p, o) => `${p}: option '${o}' is ambiguous`,
  tryHelp: () => `BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.`,
  version: () => `BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n`,
};

/** util-linux's programs (nsenter, unshare): GNU's getopt wording, their own version line. */
export const UTIL_LINUX: Flavour = {
  ...GNU,
  name: 'util-linux',
  version: (p) => `${p} from util-linux 2.39.3\n`,
};

/** How every util-linux usage text ends: USAGE_HELP_OPTIONS(width) and USAGE_MAN_TAIL (include/c.h). */
export function utilLinuxUsageTail(prog: string, width: number): string {
  return `${' -h, --help'.padEnd(width)}display this help\n${' -V, --version'.padEnd(width)}display version\n\nFor more details see ${prog}(1).\n`;
}

export interface OptSpec {
  /** getopt-style: letters, `:` after one that takes an argument, `::` for an optional one. */
  short: string;
  /** long name → key (a short letter or a long-only name); suffix `=` requires an argument, `=?` allows one. */
  long?: Record<string, string>;
  /** Stop at the first operand (POSIX order), for programs that run a command: xargs, env, sudo. */
  stopAtOperand?: boolean;
  /** util-linux's convention: `-h` is --help and `-V` is --version. */
  helpLetters?: boolean;
}

export class Parsed {
  readonly order: [string, string][] = [];
  readonly operands: string[] = [];
  help = false;
  version = false;
  has(k: string): boolean {
    return this.order.some(([kk]) => kk === k);
  }
  get(k: string): string | undefined {
    for (let i = this.order.length - 1; i >= 0; i--) if (this.order[i][0] === k) return this.order[i][1];
    return undefined;
  }
  all(k: string): string[] {
    return this.order.filter(([kk]) => kk === k).map(([, v]) => v);
  }
  count(k: string): number {
    return this.order.filter(([kk]) => kk === k).length;
  }
  /** Which of several keys was given last (`ls -t -S` sorts by the last one). */
  last(...keys: string[]): string | undefined {
    for (let i = this.order.length - 1; i >= 0; i--) if (keys.includes(this.order[i][0])) return this.order[i][0];
    return undefined;
  }
}

export type ParseOutcome = { ok: true; p: Parsed } | { ok: false; message: string };

export function parseArgs(prog: string, args: string[], spec: OptSpec, fl: Flavour = GNU): ParseOutcome {
  const shortArg = new Map<string, 'none' | 'req' | 'opt'>();
  for (let i = 0; i < spec.short.length; i++) {
    const c = spec.short[i];
    if (c === ':') continue;
    if (spec.short[i + 1] === ':' && spec.short[i + 2] === ':') shortArg.set(c, 'opt');
    else if (spec.short[i + 1] === ':') shortArg.set(c, 'req');
    else shortArg.set(c, 'none');
  }
  if (spec.helpLetters) {
    shortArg.set('h', 'none');
    shortArg.set('V', 'none');
  }
  const longs = new Map<string, { key: string; arg: 'none' | 'req' | 'opt' }>();
  for (const [name, v] of Object.entries(spec.long ?? {})) {
    const arg = v.endsWith('=?') ? 'opt' : v.endsWith('=') ? 'req' : 'none';
    longs.set(name, { key: v.replace(/=\??$/, ''), arg });
  }
  if (!longs.has('help')) longs.set('help', { key: '--help', arg: 'none' });
  if (!longs.has('version')) longs.set('version', { key: '--version', arg: 'none' });

  const p = new Parsed();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      let def = longs.get(name);
      let full = name;
      if (!def) {
        const cands = [...longs.keys()].filter((k) => k.startsWith(name));
        const keys = new Set(cands.map((c) => longs.get(c)!.key));
        if (cands.length === 0) return { ok: false, message: fl.unrecognized(prog, eq >= 0 ? a.slice(0, eq) : a) };
        if (keys.size > 1) return { ok: false, message: fl.ambiguous(prog, a, cands) };
        full = cands[0];
        def = longs.get(full)!;
      }
      let val = '';
      if (def.arg === 'none' && eq >= 0) return { ok: false, message: fl.noArg(prog, full) };
      if (eq >= 0) val = a.slice(eq + 1);
      else if (def.arg === 'req') {
        if (i + 1 >= args.length) return { ok: false, message: fl.needsArg(prog, full, true) };
        val = args[++i];
      }
      if (def.key === '--help' || def.key === '--version') return helpOrVersion(p, def.key === '--help');
      p.order.push([def.key, val]);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const kind = shortArg.get(c);
        if (!kind) return { ok: false, message: fl.invalid(prog, c) };
        if (spec.helpLetters && (c === 'h' || c === 'V')) return helpOrVersion(p, c === 'h');
        if (kind === 'none') {
          p.order.push([c, '']);
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest) p.order.push([c, rest]);
        else if (kind === 'opt') p.order.push([c, '']);
        else if (i + 1 < args.length) p.order.push([c, args[++i]]);
        else return { ok: false, message: fl.needsArg(prog, c, false) };
        break;
      }
      continue;
    }
    if (spec.stopAtOperand) break;
    p.operands.push(a);
  }
  pushAll(p.operands, args.slice(i));
  return { ok: true, p };
}

/**
 * getopt hands the options over in order and the program prints its help (or version) and exits
 * at the first --help, so what follows it is never read: `ls --help -z` shows the help.
 */
function helpOrVersion(p: Parsed, help: boolean): ParseOutcome {
  if (help) p.help = true;
  else p.version = true;
  return { ok: true, p };
}
