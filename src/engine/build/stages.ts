/**
 * A Dockerfile's stages: each FROM begins one (named with `AS`), ARGs before the first FROM are
 * the meta args its FROM lines may use. Every instruction is parsed (typed, its flags checked)
 * before anything runs, as BuildKit's instructions.Parse does. `--target` picks the last stage to
 * build; BuildKit builds only the stages it depends on (FROM <stage>, COPY --from=<stage>), the
 * classic builder every stage up to it.
 */
import type { Node } from './dockerfile/ast';
import { InstructionError, parseInstruction } from './instructions/parse';
import type { Instruction } from './instructions/types';
import type { BuildSession } from './session';
import type { Stage } from './types';

/** The typed instruction of a node, or the parse error BuildKit reports for it. */
export function typed(s: BuildSession, n: Node): Instruction {
  try {
    return parseInstruction(n);
  } catch (e) {
    if (e instanceof InstructionError) throw s.parseError(e.node, e.message);
    throw e;
  }
}

export function splitStages(s: BuildSession, ast: Node): Stage[] {
  const stages: Stage[] = [];
  for (const n of ast.children) {
    const c = typed(s, n);
    if (c.kind === 'from') {
      stages.push({ index: stages.length, name: c.name, from: c, commands: [], args: new Map() });
    } else if (stages.length === 0) {
      if (c.kind !== 'arg') throw s.parseError(n, 'no build stage in current context');
      for (const { key, value } of c.args) {
        const def = value === undefined ? undefined : s.lex.processWord(value, s.envOf(new Map(), [...s.metaArgs]));
        s.metaArgs.set(key, s.o.buildArgs[key] ?? def);
        if (key in s.o.buildArgs) s.usedArgs.add(key);
      }
    } else stages[stages.length - 1].commands.push(c);
  }
  if (stages.length === 0) throw s.printer.fail(s.o.classic ? 'No image was generated. Is your Dockerfile empty?' : 'the Dockerfile has no FROM instruction');
  return stages;
}

export function targetStage(s: BuildSession, stages: Stage[]): Stage {
  const target = s.o.target;
  if (!target) return stages[stages.length - 1];
  const t = stages.find((st) => st.name === target.toLowerCase());
  if (!t) throw s.printer.fail(s.o.classic ? `failed to reach build target ${target} in Dockerfile` : `target stage "${target}" could not be found`);
  return t;
}

/** The stage a name or index refers to, among those before `before`. */
export function stageRef(ref: string, stages: Stage[], before: number): Stage | undefined {
  const byName = stages.find((st) => st.index < before && st.name === ref.toLowerCase());
  if (byName) return byName;
  if (/^\d+$/.test(ref) && Number(ref) < before) return stages[Number(ref)];
  return undefined;
}

/** The stage's base as its FROM names it, meta args expanded. */
export function fromRef(s: BuildSession, stage: Stage): string {
  return s.lex.processWord(stage.from.baseName, s.envOf(new Map(), [...s.metaArgs]));
}

/** Stages the target needs (FROM <stage>, COPY --from=<stage>), BuildKit builds only those. */
export function dependencies(s: BuildSession, stages: Stage[], target: Stage): Set<number> {
  const need = new Set<number>();
  const visit = (st: Stage) => {
    if (need.has(st.index)) return;
    need.add(st.index);
    const base = stageRef(fromRef(s, st), stages, st.index);
    if (base) visit(base);
    for (const c of st.commands) {
      const dep = c.kind === 'copy' && c.from ? stageRef(c.from, stages, st.index) : undefined;
      if (dep) visit(dep);
    }
  };
  visit(target);
  return need;
}

/** The images the stages to run start from (BuildKit loads their metadata first). */
export function externalRefs(s: BuildSession, run: Stage[], stages: Stage[]): string[] {
  const refs: string[] = [];
  for (const st of run) {
    const ref = fromRef(s, st);
    if (ref !== 'scratch' && !stageRef(ref, stages, st.index)) {
      const norm = s.d.normalize(ref);
      if (!refs.includes(norm)) refs.push(norm);
    }
  }
  return refs;
}

/** The instructions BuildKit gives a numbered step (a vertex) of their own; the rest only change the config. */
export const VERTEX_INSTRUCTIONS = new Set(['run', 'copy', 'add', 'workdir']);

/**
 * The next step's label, as dockerfile2llb's prefixCommand makes it: the stage's name when the
 * Dockerfile has several stages, then `index/total`, where the total counts a FROM of an image
 * (not `scratch`, not another stage), each RUN, COPY, ADD and WORKDIR, and ONBUILD triggers.
 */
export function stepLabel(stage: Stage, multi: boolean, trigger = false): string {
  const n = stage.cmdTotal ?? 0;
  const i = (stage.cmdIndex = (stage.cmdIndex ?? 0) + 1);
  const idx = `${String(i).padStart(String(n).length)}/${n}`;
  return (multi ? `[${stage.name ?? `stage-${stage.index}`} ${idx}]` : `[${idx}]`) + (trigger ? ' ONBUILD' : '');
}

export function countSteps(stage: Stage, fromImage: boolean, triggers: number): void {
  stage.cmdTotal = (fromImage ? 1 : 0) + stage.commands.filter((c) => VERTEX_INSTRUCTIONS.has(c.kind)).length + triggers;
  stage.cmdIndex = 0;
}
