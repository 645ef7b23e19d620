/** Dispatch: what each instruction does to the stage's image, one file per family. */
import type { Node } from '../dockerfile/ast';
import type { BuildContext } from '../context';
import type { BuildSession } from '../session';
import type { Stage, StepPlan } from '../types';
import { planCopy } from './copy';
import { planMetadata } from './metadata';
import { planRun } from './run';

/** What a step will do: its cache key and how to apply it. */
export function plan(s: BuildSession, stage: Stage, node: Node, ctx: BuildContext, stages: Stage[]): StepPlan {
  switch (node.value) {
    case 'run': return planRun(s, stage, node, ctx);
    case 'copy': case 'add': return planCopy(s, stage, node, ctx, stages);
    default: return planMetadata(s, stage, node);
  }
}
