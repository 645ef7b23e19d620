/**
 * BuildKit's output, as buildx prints the solve's progress (`progress.ts` keeps the vertices):
 * `[internal]` vertices for the definition, the base images' metadata, `.dockerignore` and the
 * context; a vertex per step that makes a layer (`[2/4] RUN …`), `CACHED` or `DONE`, the step's
 * output stamped; `exporting to image`. A failed step's error repeats its last lines and the
 * Dockerfile excerpt, then `ERROR: failed to build: failed to solve: …` (exit 1).
 */
import type { PullProgress } from '../../../api/daemon';
import { humanSize } from '../../../lib/units';
import { BuildFailure } from '../types';
import type { BuildPrinter, Out, StepHandle, StepStart } from './printer';
import { BuildKitProgress } from './progress';

export class BuildKitPrinter implements BuildPrinter {
  private readonly kit: BuildKitProgress;

  constructor(out: Out, now: () => number, mode: 'plain' | 'tty' | 'quiet') {
    this.kit = new BuildKitProgress(out, now, mode);
  }

  async begin(): Promise<void> {
    await this.kit.header();
  }

  async definition(name: string, bytes: number, result: { warnings: string[] } | { error: string }): Promise<void> {
    const v = await this.kit.start(`[internal] load build definition from ${name}`);
    await this.kit.row(v, `transferring dockerfile: ${bytes}B`);
    if ('error' in result) return this.kit.error(v, `failed to solve: ${result.error}`);
    // BuildKit reports its build checks on the definition's vertex.
    for (const w of result.warnings) await this.kit.warn(v, w);
    await this.kit.done(v);
  }

  async contextSize(): Promise<void> {}

  async prepared(refs: string[], ignoreBytes: number): Promise<void> {
    for (const ref of refs) {
      const v = await this.kit.start(`[internal] load metadata for ${ref}`);
      await this.kit.done(v);
    }
    const iv = await this.kit.start('[internal] load .dockerignore');
    await this.kit.row(iv, `transferring context: ${ignoreBytes}B`);
    await this.kit.done(iv);
  }

  async contextLoaded(bytes: number): Promise<void> {
    const v = await this.kit.start('[internal] load build context');
    await this.kit.row(v, `transferring context: ${humanSize(bytes)}`);
    await this.kit.done(v);
  }

  // BuildKit continues from another stage's state or from scratch without a vertex of its own.
  async fromStage(): Promise<void> {}
  async fromScratch(): Promise<void> {}
  async fromImage(): Promise<void> {}
  // The pull's rows are summed up by baseReady.
  async pullProgress(_p: PullProgress): Promise<void> {}

  async baseFailed(vertex: string, message: string): Promise<void> {
    const v = await this.kit.start(vertex);
    await this.kit.error(v, message);
  }

  async baseReady(vertex: string, resolved: string, extracted: string[] | undefined): Promise<void> {
    const v = await this.kit.start(vertex);
    await this.kit.row(v, `resolve ${resolved}`, '0.0s');
    // Layers already here (a base pulled into the build cache before) make the step CACHED.
    if (extracted) {
      for (const id of extracted) await this.kit.row(v, `extracting sha256:${id}`, '0.1s');
      await this.kit.done(v);
    } else await this.kit.cached(v);
  }

  async trigger(): Promise<void> {}

  async stepStarted(s: StepStart): Promise<StepHandle | undefined> {
    return s.vertex ? this.kit.start(s.vertex) : undefined;
  }

  async stepCached(h: StepHandle | undefined): Promise<void> {
    if (h) await this.kit.cached(h);
  }

  async stepDone(h: StepHandle | undefined): Promise<void> {
    if (h) await this.kit.done(h);
  }

  async stepFailed(h: StepHandle | undefined, e: BuildFailure, text: string, excerpt: string): Promise<BuildFailure> {
    if (h) await this.kit.error(h, e.message);
    // The box repeats the step's last output lines, so the reason is right above the error.
    const shown = (h?.logs ?? []).map((l) => l + '\n').join('');
    return new BuildFailure(`------\n > ${h?.name ?? text}:\n${shown}------\n${excerpt}ERROR: failed to build: failed to solve: ${e.message}`, e.status);
  }

  async log(h: StepHandle | undefined, line: string): Promise<void> {
    await this.kit.log(h!, line);
  }

  async containerStarted(): Promise<void> {}
  async containerRemoved(): Promise<void> {}

  startFailed(argv: string[], message: string): BuildFailure {
    return new BuildFailure(`process "${argv.join(' ')}" did not complete successfully: ${message}`, 1);
  }

  exitFailed(argv: string[], code: number): BuildFailure {
    return new BuildFailure(`process "${argv.join(' ')}" did not complete successfully: exit code: ${code}`, 1);
  }

  fail(message: string, excerpt = ''): BuildFailure {
    return new BuildFailure(`${excerpt}ERROR: failed to build: failed to solve: ${message}`);
  }

  async exported(imageId: string, refs: string[]): Promise<void> {
    const v = await this.kit.start('exporting to image');
    await this.kit.row(v, 'exporting layers');
    await this.kit.row(v, `writing image ${imageId}`);
    for (const r of refs) await this.kit.row(v, `naming to ${r}`);
    await this.kit.done(v);
  }

  async end(failed: boolean): Promise<void> {
    await this.kit.finish(failed);
  }
}
