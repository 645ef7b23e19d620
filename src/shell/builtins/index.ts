/** The table of builtins. A builtin runs inside the shell process with the shell's descriptors. */
import type { Shell } from '../shell';
import { coreBuiltins } from './core';
import { varBuiltins } from './vars';
import { jobBuiltins } from './jobs';

export type Builtin = (sh: Shell, argv: string[]) => Promise<number>;

export const builtins = new Map<string, Builtin>([...coreBuiltins, ...varBuiltins, ...jobBuiltins]);

/** Builtins whose NAME=value arguments are expanded like assignments (no splitting, tilde after =). */
export const DECLARATION = new Set(['export', 'local', 'readonly', 'declare', 'typeset']);

export const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', '{', '}', '!', '[[', ']]'];
