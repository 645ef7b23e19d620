/**
 * The classic builder's output (`DOCKER_BUILDKIT=0`), as moby's builder/dockerfile prints it:
 * `Sending build context to Docker daemon  2.048kB`, `Step 2/4 : RUN …`, ` ---> Running in <id>`,
 * the process's lines as they come, ` ---> Removed intermediate container <id>`, ` ---> <id>`,
 * ` ---> Using cache`, then `Successfully built <id>` / `Successfully tagged x:latest`. Errors
 * reach the learner as the daemon's (`Error response from daemon: …`).
 */
import type { PullProgress } from '../../../api/daemon';
import { shortId } from '../../image/config';
import { humanSize } from '../../../lib/units';
import { BuildFailure } from '../types';
import type { BuildPrinter, Out, StepHandle, StepStart } from './printer';

export class ClassicPrinter implements BuildPrinter {
  constructor(private readonly out: Out) {}

  async begin(): Promise<void> {}
  async definition(): Promise<void> {}

  async contextSize(bytes: number): Promise<void> {
    await this.out(`Sending build context to Docker daemon  ${humanSize(bytes)}\n`);
  }

  async prepared(): Promise<void> {}
  async contextLoaded(): Promise<void> {}

  private header(s: StepStart): string {
    return `${s.trigger ? '' : `Step ${s.no}/${s.total} : `}${s.text}\n`;
  }

  async fromStage(s: StepStart, imageId: string): Promise<void> {
    await this.out(`${this.header(s)} ---> ${shortId(imageId)}\n`);
  }

  async fromScratch(s: StepStart): Promise<void> {
    await this.out(`${this.header(s)} ---> \n`);
  }

  async fromImage(s: StepStart): Promise<void> {
    await this.out(this.header(s));
  }

  async pullProgress(p: PullProgress): Promise<void> {
    await this.out(p.id ? `${p.id}: ${p.status}\n` : `${p.status}\n`);
  }

  async baseFailed(): Promise<void> {}

  async baseReady(_vertex: string, _resolved: string, _extracted: string[] | undefined, imageId: string): Promise<void> {
    await this.out(` ---> ${shortId(imageId)}\n`);
  }

  async trigger(): Promise<void> {
    await this.out(`# Executing 1 build trigger\n`);
  }

  async stepStarted(s: StepStart): Promise<StepHandle | undefined> {
    await this.out(this.header(s));
    return undefined;
  }

  async stepCached(_h: StepHandle | undefined, imageId: string): Promise<void> {
    await this.out(` ---> Using cache\n ---> ${shortId(imageId)}\n`);
  }

  async stepDone(_h: StepHandle | undefined, imageId: string): Promise<void> {
    await this.out(` ---> ${shortId(imageId)}\n`);
  }

  async stepFailed(_h: StepHandle | undefined, e: BuildFailure): Promise<BuildFailure> {
    return e;
  }

  async log(_h: StepHandle | undefined, line: string): Promise<void> {
    await this.out(line + '\n');
  }

  async containerStarted(id: string): Promise<void> {
    await this.out(` ---> Running in ${id.slice(0, 12)}\n`);
  }

  async containerRemoved(id: string): Promise<void> {
    await this.out(` ---> Removed intermediate container ${id.slice(0, 12)}\n`);
  }

  startFailed(_argv: string[], message: string): BuildFailure {
    return new BuildFailure(message, 1);
  }

  /** moby's containerManager.Run: the build's exit status is the command's. */
  exitFailed(argv: string[], code: number): BuildFailure {
    return new BuildFailure(`The command '${argv.join(' ')}' returned a non-zero code: ${code}`, code);
  }

  fail(message: string): BuildFailure {
    return new BuildFailure(`Error response from daemon: ${message}`);
  }

  async exported(imageId: string, _refs: string[], tags: string[], unusedArgs: string[]): Promise<void> {
    if (unusedArgs.length) await this.out(`[Warning] One or more build-args [${unusedArgs.join(' ')}] were not consumed\n`);
    await this.out(`Successfully built ${shortId(imageId)}\n`);
    for (const t of tags) await this.out(`Successfully tagged ${familiar(t)}\n`);
  }

  async end(): Promise<void> {}
}

/** The tag as the classic client names it (`x` is `x:latest`). */
function familiar(t: string): string {
  return t.includes(':') && !t.endsWith(']') && t.lastIndexOf(':') > t.lastIndexOf('/') ? t : `${t}:latest`;
}
