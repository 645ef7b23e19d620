/**
 * A docker command line reduced to what it means: the command's full path (`docker images`,
 * `docker image ls` and `docker image list` are all `image ls`), the flags by long name with their
 * parsed values (`-it` = `-i -t` = `--interactive --tty`, in any order), and the positional
 * arguments. Lessons compare what the learner ran with what a step asks for this way.
 */
import { buildTree, findChild } from './root';
import { FlagError, parseFlags } from './parse';
import { SHORTCUTS } from '../commands/shortcuts';
import type { Node } from './help';

export interface CanonicalCommand {
  /** `container run`, `image ls`, `version` … */
  path: string;
  /** Flags the line set, by long name (defaults left out). */
  flags: Record<string, unknown>;
  args: string[];
}

/** argv after `docker` → its meaning, or undefined when it is not a valid docker command. */
export function canonicalDockerCommand(argv: string[]): CanonicalCommand | undefined {
  const root = buildTree('/root');
  let g;
  try {
    g = parseFlags(argv, root.spec.flags, false);
  } catch (e) {
    if (e instanceof FlagError) return undefined;
    throw e;
  }
  let rest = g.args;
  if (!rest.length) return undefined;
  const found = findChild(root, rest[0]!);
  if (!found) return undefined;
  let n: Node = found;
  rest = rest.slice(1);
  while (n.children.length) {
    const i = rest.findIndex((a) => !a.startsWith('-'));
    const c = i >= 0 ? findChild(n, rest[i]!) : undefined;
    if (!c) break;
    rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
    n = c;
  }
  let p;
  try {
    p = parseFlags(rest, n.spec.flags, n.spec.interspersed !== false);
  } catch (e) {
    if (e instanceof FlagError) return undefined;
    throw e;
  }
  const flags: Record<string, unknown> = {};
  for (const k of p.changed) flags[k] = p.flags[k];
  return { path: pathOf(n), flags, args: p.args };
}

function pathOf(n: Node): string {
  const names: string[] = [];
  for (let x: Node | undefined = n; x && x.parent; x = x.parent) names.unshift(x.spec.name);
  // A top-level shortcut means its management command.
  if (names.length === 1 && SHORTCUTS[names[0]!]) return SHORTCUTS[names[0]!]!.path.join(' ');
  return names.join(' ');
}
