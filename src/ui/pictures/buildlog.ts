/**
 * The last `docker build`, step by step, for the layer picture: folded from the engine's build
 * events (build.started, build.step.started, build.step, build.finished). Pure, unit-tested; the
 * page keeps one log in buildlog.svelte.ts so it survives switching tabs.
 */
import type { BuildStepEvent, MachineEvent } from '../../engine/events';

export interface StepRow {
  step: number;
  stage: string;
  text: string;
  state: 'running' | 'done';
  cached?: boolean;
  reason?: string;
  /** Diff ID of the layer the step added (none for metadata-only steps). */
  layer?: string;
  size?: number;
  files: BuildStepEvent['files'];
  imageId?: string;
}

export interface BuildLog {
  build: string;
  dockerfile: string;
  tags: string[];
  state: 'running' | 'done' | 'failed';
  error?: string;
  imageId?: string;
  steps: StepRow[];
}

/** The new log after one event (unchanged when the event is not about the current build). */
export function applyBuildEvent(log: BuildLog | undefined, e: MachineEvent): BuildLog | undefined {
  switch (e.type) {
    case 'build.started':
      return { build: e.build, dockerfile: e.dockerfile, tags: [...e.tags], state: 'running', steps: [] };
    case 'build.step.started': {
      if (!log || log.build !== e.build) return log;
      const row: StepRow = { step: e.step, stage: e.stage, text: e.text, state: 'running', files: [] };
      return { ...log, steps: [...log.steps.filter((s) => s.step !== e.step), row] };
    }
    case 'build.step': {
      if (!log || log.build !== e.build) return log;
      const row: StepRow = {
        step: e.step,
        stage: e.stage,
        text: e.text,
        state: 'done',
        cached: e.cached,
        reason: e.reason,
        layer: e.layer,
        size: e.size,
        files: e.files,
        imageId: e.imageId,
      };
      const i = log.steps.findIndex((s) => s.step === e.step);
      const steps = i < 0 ? [...log.steps, row] : log.steps.map((s, j) => (j === i ? row : s));
      return { ...log, steps };
    }
    case 'build.finished':
      if (!log || log.build !== e.build) return log;
      // A step still marked running when the build ends is the one that failed.
      return { ...log, state: e.error ? 'failed' : 'done', error: e.error, imageId: e.imageId };
    default:
      return log;
  }
}

/**
 * The builder words its cache reasons in English (src/engine/build/cache.ts, builder.ts); the
 * Chinese page shows them in Chinese when it knows the sentence, and as written otherwise.
 */
const ZH: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
  [/^--no-cache: every step runs again$/, '--no-cache：每一步都重新执行'],
  [/^same instruction on the same parent and the same file contents$/, '同一父层上的同一条指令，且要复制的文件内容相同'],
  [/^same instruction on the same parent and the same build args$/, '同一父层上的同一条指令，且构建参数相同'],
  [/^same instruction on the same parent$/, '同一父层上的同一条指令'],
  [/^the files it copies changed since the last build$/, '要复制的文件自上次构建以来有改动'],
  [/^a build arg it uses changed$/, '它用到的构建参数变了'],
  [/^not built before on this parent \(a new instruction or a changed earlier step\)$/, '这个父层上还没有构建过（新的指令，或前面某一步变了）'],
  [/^the base image is already in the image store$/, '基础镜像已在本地'],
  [/^the base image was pulled$/, '基础镜像刚刚拉取'],
  [/^scratch: an empty image, no layers$/, 'scratch：空镜像，没有层'],
  [/^the image stage (\S+) of this build made$/, (m) => `本次构建的阶段 ${m[1]} 产生的镜像`],
];

export function reasonText(reason: string, lang: string): string {
  if (lang !== 'zh-CN') return reason;
  for (const [re, zh] of ZH) {
    const m = reason.match(re);
    if (m) return typeof zh === 'string' ? zh : zh(m);
  }
  return reason;
}
