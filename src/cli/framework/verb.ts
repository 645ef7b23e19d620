/**
 * `verb({ use, short, args, flags, run })`: one docker command as docker/cli declares it, a
 * cobra.Command literal. What cobra works out for itself is not written again in every verb file:
 * the name is the first word of the use line (cobra's Command.Name()), a verb with no flags of its
 * own has none, and the "Aliases:" line of its help is built from its aliases and its top-level
 * shortcut (help.ts); `aliasesLine` is only for the few whose line says something else
 * (`docker bake` is `docker buildx bake`).
 */
import type { CommandSpec, FlagSpec } from './types';

export type VerbDef = Omit<CommandSpec, 'name' | 'flags'> & { flags?: FlagSpec[] };

export function verb(def: VerbDef): CommandSpec {
  return { ...def, name: def.use.split(/\s/)[0], flags: def.flags ?? [] };
}
