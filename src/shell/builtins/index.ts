/** The table of builtins. A builtin runs inside the shell process with the shell's descriptors. */
import type { Shell } from '../shell';
import { coreBuiltins } from './core';
import { varBuiltins } from './vars';
import { jobBuiltins } from './jobs';
import { help } from './help';

export type Builtin = (sh: Shell, argv: string[]) => Promise<number>;

export const builtins = new Map<string, Builtin>([...coreBuiltins, ...varBuiltins, ...jobBuiltins, ['help', help]]);

/** Builtins a shell flavour does not have: dash has no `help` (bash and BusyBox ash do). */
const MISSING: Partial<Record<Shell['flavour']['name'], ReadonlySet<string>>> = { dash: new Set(['help']) };

/** The builtin `name` runs in this shell, if it has one. */
export function builtinFor(sh: Shell, name: string): Builtin | undefined {
  return MISSING[sh.flavour.name]?.has(name) ? undefined : builtins.get(name);
}

/** Builtins whose NAME=value arguments are expanded like assignments (no splitting, tilde after =). */
export const DECLARATION = new Set(['export', 'local', 'readonly', 'declare', 'typeset']);

export const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', '{', '}', '!', '[[', ']]'];
