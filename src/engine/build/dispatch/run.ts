/**
 * RUN: the command in a container of the stage's image (shell form wrapped in the stage's SHELL,
 * exec form as it is, heredoc bodies as the script), the stage's build args in its environment
 * and in the history text (`|1 X=3 /bin/sh -c …`), `--mount`s bound in for the step only.
 */
import { instructionKey, words } from '../dockerfile/parser';
import type { Node } from '../dockerfile/ast';
import type { BuildContext } from '../context';
import { parseRunMounts, type RunMount } from '../run-mounts';
import type { BuildSession } from '../session';
import type { Stage, StepPlan } from '../types';
import { runStep } from './run-container';

export function planRun(s: BuildSession, stage: Stage, node: Node, ctx: BuildContext): StepPlan {
  const ws = words(node);
  const parent = stage.image!;
  const argv = node.attributes.json ? ws : [...(parent.config.config.Shell ?? ['/bin/sh', '-c']), ws.join(' ')];
  const env = s.stageEnv(parent);
  const args = [...stage.args].filter(([k, v]) => v !== undefined && !env.has(k)) as [string, string][];
  for (const [k] of args) s.usedArgs.add(k);
  const argPrefix = args.length ? `|${args.length} ${args.map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
  const shown = node.attributes.json ? ws.join(' ') : argv.join(' ');
  let mounts: RunMount[];
  try {
    mounts = parseRunMounts(node.flags);
  } catch (e) {
    throw s.parseError(node, (e as Error).message);
  }
  if (mounts.length && s.o.classic) throw s.printer.fail('the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled');
  // BuildKit keeps the mount flags in the history text; the classic builder has no mounts.
  const mountText = mounts.length ? node.flags.filter((f) => f.startsWith('--mount=')).join(' ') + ' ' : '';
  return {
    key: instructionKey(node),
    detail: argPrefix,
    kind: 'args',
    apply: (h) => runStep(s, stage, {
      argv,
      args,
      heredocs: node.heredocs.map((d) => d.content),
      buildkitBy: `RUN ${mountText}${argPrefix}${shown} # buildkit`,
      classicBy: `${argPrefix}${shown}`,
      mounts,
    }, h, ctx),
  };
}
