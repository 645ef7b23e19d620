/**
 * COPY and ADD: the step's cache key includes the content of what is copied (the context files'
 * digests, or the source stage's image), then `copy.ts` writes the files into a container of the
 * stage's image, frozen into the step's layer. `--from` names an earlier stage or an image.
 */
import { instructionKey } from '../dockerfile/parser';
import type { AddCommand, CopyCommand } from '../instructions/types';
import type { BuildContext } from '../context';
import { copyInto, type CopySource } from '../copy';
import { sha256hex } from '../../../lib/hash';
import type { BuildSession } from '../session';
import { stageRef } from '../stages';
import { BuildFailure, type Stage, type StepPlan } from '../types';

export function planCopy(s: BuildSession, stage: Stage, cmd: CopyCommand | AddCommand, ctx: BuildContext, stages: Stage[]): StepPlan {
  const node = cmd.node;
  const KW = cmd.kind.toUpperCase();
  const expand = (w: string) => s.expand(stage, w);
  const chown = cmd.chown ? expand(cmd.chown) : undefined;
  const chmod = cmd.chmod ? expand(cmd.chmod) : undefined;
  const from = cmd.kind === 'copy' && cmd.from ? expand(cmd.from) : '';
  const dest = expand(cmd.dest);
  // Heredoc sources are named `<<NAME` (copyInto takes the name from it), as in the history text.
  const srcs = [...cmd.sourcePaths.map(expand), ...cmd.sourceContents.map((c) => `<<${c.path}`)];
  let source: CopySource;
  if (from) {
    const st = stageRef(from, stages, stage.index);
    if (st) source = { kind: 'image', image: st.image! };
    else source = { kind: 'pending-image', ref: from };
  } else source = { kind: 'context', ctx };
  if (cmd.sourceContents.length) source = { kind: 'heredoc', docs: new Map(cmd.sourceContents.map((c) => [c.path, c.data])) };
  const contentKey = source.kind === 'context' ? sha256hex(srcs.map((src) => contextDigest(ctx, src)).join('\n')) : source.kind === 'image' ? source.image.id : '';
  // BuildKit's history text (convert_copy.go): --parents, --chown and --chmod (expanded), the
  // sources and the destination; --from, --link and --exclude are not in it.
  const flagText = [cmd.kind === 'copy' && cmd.parents ? '--parents' : '', chown ? `--chown=${chown}` : '', chmod ? `--chmod=${chmod}` : ''].filter(Boolean).join(' ');
  const argText = `${flagText ? flagText + ' ' : ''}${srcs.join(' ')} ${dest}`;
  return {
    key: instructionKey(node),
    detail: contentKey,
    kind: 'files',
    apply: async () => {
      if (source.kind === 'pending-image') source = { kind: 'image', image: await s.d.pull(source.ref, async () => {}) };
      const cur = stage.image!.config.config.WorkingDir || '/';
      return s.fsStep(stage, `${KW} ${argText} # buildkit`, `/bin/sh -c #(nop) ${KW} ${srcs.map((src) => `file:${sha256hex(src).slice(0, 64)}`).join(' ')} in ${dest} `, (fs, root) => {
        const err = copyInto({ fs, root, source, srcs, dest, cwd: cur, add: cmd.kind === 'add', chown, chmod, classic: s.o.classic });
        if (err) throw new BuildFailure(err);
      }, () => {});
    },
  };
}

/** Content address of what a COPY source names (the files and their modes), for the cache key. */
function contextDigest(ctx: BuildContext, src: string): string {
  const clean = src.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  let acc = clean + '|';
  for (const [path, f] of [...ctx].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (clean === '' || clean === '.' || path === clean || path.startsWith(clean + '/') || globish(clean, path)) {
      acc += `${path}:${f.kind}:${f.mode.toString(8)}:${sha256hex(f.data)};`;
    }
  }
  return acc;
}

function globish(pattern: string, path: string): boolean {
  if (!/[*?[]/.test(pattern)) return false;
  const re = new RegExp('^' + pattern.split('/').map((seg) => seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('/') + '(/.*)?$');
  return re.test(path);
}
