/**
 * An instruction's `--flags`, as BuildKit's instructions/bflag.go reads them: each instruction
 * declares the flags it takes (bool, string or repeatable strings), then `parse()` checks what
 * was written against them, with BuildKit's messages (`unknown flag: --form (did you mean
 * from?)`, `missing a value on flag: --from`, `expecting boolean value for flag --link, not: x`,
 * `duplicate flag specified: --chown`). The parser has already removed the flags' quotes.
 */
import { levenshtein } from '../dockerfile/parser';

type FlagType = 'bool' | 'string' | 'strings';

interface Flag {
  type: FlagType;
  value: string;
  values: string[];
}

export class BFlags {
  private readonly flags = new Map<string, Flag>();
  /** The flags that were written, by name. */
  readonly used = new Set<string>();

  constructor(private readonly args: string[]) {}

  private add(name: string, type: FlagType, def = ''): Flag {
    const f: Flag = { type, value: def, values: [] };
    this.flags.set(name, f);
    return f;
  }

  bool(name: string): Flag {
    return this.add(name, 'bool', 'false');
  }

  string(name: string, def = ''): Flag {
    return this.add(name, 'string', def);
  }

  strings(name: string): Flag {
    return this.add(name, 'strings');
  }

  /** Check the written flags against the declared ones; throws BuildKit's message. */
  parse(): void {
    for (const a of this.args) {
      // `--` ends the flags (POSIX utility syntax guidelines, as bflag.go says).
      if (a === '--') return;
      if (!a.startsWith('--')) throw new Error(`arg should start with -- : ${a}`);
      const eq = a.indexOf('=');
      const flagName = eq < 0 ? a : a.slice(0, eq);
      const hasValue = eq >= 0;
      const value = hasValue ? a.slice(eq + 1) : '';
      const name = flagName.slice(2);
      const flag = this.flags.get(name);
      if (!flag) throw new Error(`unknown flag: ${flagName}${suggestion(name, [...this.flags.keys()])}`);
      if (this.used.has(name) && flag.type !== 'strings') throw new Error(`duplicate flag specified: ${flagName}`);
      this.used.add(name);
      switch (flag.type) {
        case 'bool':
          // `--link=` is an error; `--link` alone is true.
          if (hasValue && value === '') throw new Error(`missing a value on flag: ${flagName}`);
          if (value.toLowerCase() === 'true' || value === '') flag.value = 'true';
          else if (value.toLowerCase() === 'false') flag.value = 'false';
          else throw new Error(`expecting boolean value for flag ${flagName}, not: ${value}`);
          break;
        case 'string':
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          flag.value = value;
          break;
        case 'strings':
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          flag.values.push(value);
          break;
      }
    }
  }
}

/** util/suggest: the closest name within distance 2 (case-sensitive), as ` (did you mean x?)`. */
function suggestion(name: string, options: string[]): string {
  let match = '';
  let min = 3;
  for (const o of options) {
    if (o === name) return '';
    const d = levenshtein(name, o);
    if (d < min) [match, min] = [o, d];
  }
  return match ? ` (did you mean ${match}?)` : '';
}
