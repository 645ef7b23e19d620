/** Dispatch: what each typed instruction does to the stage's image, one file per family. */
import type { BuildContext } from '../context';
import type { Command } from '../instructions/types';
import type { BuildSession } from '../session';
import type { Stage, StepPlan } from '../types';
import { planCopy } from './copy';
import { planMetadata } from './metadata';
import { planRun } from './run';

/** What a step will do: its cache key and how to apply it. */
export function plan(s: BuildSession, stage: Stage, cmd: Command, ctx: BuildContext, stages: Stage[]): StepPlan {
  switch (cmd.kind) {
    case 'run': return planRun(s, stage, cmd, ctx);
    case 'copy': case 'add': return planCopy(s, stage, cmd, ctx, stages);
    default: return planMetadata(s, stage, cmd);
  }
}
