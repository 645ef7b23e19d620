/**
 * RUN: the command in a container of the stage's image (shell form wrapped in the stage's SHELL,
 * exec form as it is, heredoc bodies as the script), the stage's build args in its environment
 * and in the history text (`|1 X=3 /bin/sh -c …`), `--mount`s bound in for the step only.
 */
import { instructionKey } from '../dockerfile/parser';
import type { BuildContext } from '../context';
import type { RunCommand } from '../instructions/types';
import type { BuildSession } from '../session';
import type { Stage, StepPlan } from '../types';
import { runStep } from './run-container';

export function planRun(s: BuildSession, stage: Stage, cmd: RunCommand, ctx: BuildContext): StepPlan {
  const parent = stage.image!;
  const argv = cmd.prependShell ? [...(parent.config.config.Shell ?? ['/bin/sh', '-c']), ...cmd.cmdLine] : cmd.cmdLine;
  const env = s.stageEnv(parent);
  const args = [...stage.args].filter(([k, v]) => v !== undefined && !env.has(k)) as [string, string][];
  for (const [k] of args) s.usedArgs.add(k);
  const argPrefix = args.length ? `|${args.length} ${args.map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
  const shown = argv.join(' ');
  const mounts = cmd.mounts;
  if (mounts.length && s.o.classic) throw s.printer.fail('the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled');
  // BuildKit keeps the mount flags in the history text; the classic builder has no mounts.
  const mountText = mounts.length ? cmd.mountFlags.join(' ') + ' ' : '';
  return {
    key: instructionKey(cmd.node),
    detail: argPrefix,
    kind: 'args',
    apply: (h) => runStep(s, stage, {
      argv,
      args,
      heredocs: cmd.files.map((f) => f.data),
      buildkitBy: `RUN ${mountText}${argPrefix}${shown} # buildkit`,
      classicBy: `${argPrefix}${shown}`,
      mounts,
    }, h, ctx),
  };
}
