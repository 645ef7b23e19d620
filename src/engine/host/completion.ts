/** Tab completion for `docker`: sub-commands and flags, from the CLI's own command tree. */
import { registerCompletion } from '../../shell';
import { buildTree, findChild } from '../../cli/framework/root';

export function registerDockerCompletion(): void {
  const root = buildTree('/root');
  registerCompletion('docker', ({ words, current }) => {
    let node = root;
    for (const w of words.slice(1)) {
      if (w.startsWith('-')) continue;
      const child = findChild(node, w);
      if (!child) break;
      node = child;
    }
    if (current.startsWith('-')) {
      const flags = node.spec.flags.filter((f) => !f.hidden).flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]);
      return flags.filter((f) => f.startsWith(current)).sort();
    }
    if (node.children.length) {
      return node.children
        .filter((c) => !c.spec.hidden && c.spec.name.startsWith(current))
        .map((c) => c.spec.name)
        .sort();
    }
    return undefined;
  });
}
