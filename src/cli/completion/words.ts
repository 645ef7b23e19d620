/**
 * Reading a half-typed command line the way Docker's bash completion does
 * (__docker_pos_first_nonflag, __docker_subcommands): which command of the CLI's tree the words
 * name, which words are flags and their values, which are positional arguments, and whether the
 * word under the cursor is a flag's value.
 */
import type { FlagSpec } from '../framework/types';

export interface ArgScan {
  /** Positional arguments before the word being completed. */
  positionals: string[];
  /** Long names of the flags given (`-f` counts as `force`). */
  seen: Set<string>;
  /** The flag whose value is the word being completed (`--network <Tab>`). */
  valueFor?: FlagSpec;
  /** Flag parsing stopped at the first positional (run/create/exec: the rest is the command). */
  stopped: boolean;
}

/** A pflag flag that needs a value: not a bool, and without a value implied when it is bare. */
export function takesValue(f: FlagSpec | undefined): boolean {
  return !!f && f.type !== 'bool' && f.noOptDefVal === undefined;
}

export function scanArgs(flags: FlagSpec[], words: string[], stopAtFirstPositional: boolean): ArgScan {
  const byLong = (n: string) => flags.find((f) => f.long === n);
  const byShort = (c: string) => flags.find((f) => f.short === c);
  const scan: ArgScan = { positionals: [], seen: new Set(), stopped: false };
  let afterDashes = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const last = i === words.length - 1;
    if (afterDashes || scan.stopped || w === '-' || !w.startsWith('-')) {
      scan.positionals.push(w);
      if (stopAtFirstPositional && !afterDashes) scan.stopped = true;
      continue;
    }
    if (w === '--') {
      afterDashes = true;
      continue;
    }
    if (w.startsWith('--')) {
      const [name, value] = [w.slice(2).split('=')[0], w.includes('=')];
      const f = byLong(name);
      if (f) scan.seen.add(f.long);
      if (!value && takesValue(f)) {
        if (last) scan.valueFor = f;
        else i++;
      }
      continue;
    }
    // A cluster of short flags (`-it`, `-dp 80:80`, `-p80:80`): a flag that takes a value ends it.
    const cluster = w.slice(1);
    for (let j = 0; j < cluster.length; j++) {
      const f = byShort(cluster[j]);
      if (f) scan.seen.add(f.long);
      if (!takesValue(f)) continue;
      if (j === cluster.length - 1) {
        if (last) scan.valueFor = f;
        else i++;
      }
      break;
    }
  }
  return scan;
}

/** The words of a command line after the program name, global flags (with their values) skipped. */
export function skipGlobalFlags(globals: FlagSpec[], words: string[]): { rest: string[]; valueFor?: FlagSpec } {
  let i = 0;
  while (i < words.length && words[i].startsWith('-') && words[i] !== '-') {
    const w = words[i];
    const f = w.startsWith('--') ? globals.find((g) => g.long === w.slice(2).split('=')[0]) : globals.find((g) => g.short === w.slice(-1));
    if (takesValue(f) && !w.includes('=')) {
      if (i === words.length - 1) return { rest: [], valueFor: f };
      i += 2;
    } else i++;
  }
  return { rest: words.slice(i) };
}
