/**
 * How a build reports itself, as one interface with two printers chosen once per build:
 * BuildKit's progress (`buildkit.ts`: numbered vertices, `#4 [1/3] FROM …`, `#4 DONE 0.0s`, or
 * the final `[+] Building … FINISHED` frame in a terminal) and the classic builder's
 * (`classic.ts`: `Step 1/4 : FROM …`, ` ---> Running in …`, ` ---> <id>`). The builder says what
 * happened; each printer decides what the learner sees and how a failure is worded.
 */
import type { PullProgress } from '../../../api/daemon';
import { BuildFailure } from '../types';
import type { Vertex } from './progress';

export type { Out } from './progress';

/** A step as the printer tracks it: BuildKit's vertex; the classic builder keeps none. */
export type StepHandle = Vertex;

export interface StepStart {
  /** The instruction as written (`RUN echo hi`). */
  text: string;
  /** The classic builder's count: `Step no/total`. */
  no: number;
  total: number;
  /** An ONBUILD trigger of the base image (the classic builder prints no `Step` line for it). */
  trigger: boolean;
  /** BuildKit's vertex name (`[2/4] RUN echo hi`), for the instructions that get a vertex. */
  vertex?: string;
}

export interface BuildPrinter {
  /** Before anything (`#0 building with "default" instance using docker driver`). */
  begin(): Promise<void>;
  /** The Dockerfile was sent: its size, then the build checks' warnings or the parse error. */
  definition(name: string, bytes: number, result: { warnings: string[] } | { error: string }): Promise<void>;
  /** The context tar's size, as the classic client announces it. */
  contextSize(bytes: number): Promise<void>;
  /** BuildKit resolved the stages' base images and loaded `.dockerignore`. */
  prepared(refs: string[], ignoreBytes: number): Promise<void>;
  /** The context's files were transferred (before the first step that copies from it). */
  contextLoaded(bytes: number): Promise<void>;
  /** FROM another stage of this build (`name` is the step's text). */
  fromStage(step: StepStart, imageId: string): Promise<void>;
  fromScratch(step: StepStart): Promise<void>;
  /** FROM an image: before it is looked up or pulled. */
  fromImage(step: StepStart): Promise<void>;
  pullProgress(p: PullProgress): Promise<void>;
  /** The base image could not be had. */
  baseFailed(vertex: string, message: string): Promise<void>;
  /** The base image is ready: downloaded (with the layers extracted) or already here. */
  baseReady(vertex: string, resolved: string, extracted: string[] | undefined, imageId: string): Promise<void>;
  /** The classic builder announces each ONBUILD trigger it runs. */
  trigger(): Promise<void>;
  stepStarted(step: StepStart): Promise<StepHandle | undefined>;
  stepCached(h: StepHandle | undefined, imageId: string): Promise<void>;
  stepDone(h: StepHandle | undefined, imageId: string): Promise<void>;
  /** The failure a step ended with, worded for the learner (`excerpt`: the Dockerfile lines around it). */
  stepFailed(h: StepHandle | undefined, e: BuildFailure, text: string, excerpt: string): Promise<BuildFailure>;
  /** A line the step's process printed. */
  log(h: StepHandle | undefined, line: string): Promise<void>;
  /** The classic builder's step containers, as it announces them. */
  containerStarted(id: string): Promise<void>;
  containerRemoved(id: string): Promise<void>;
  /** A RUN whose process could not start, or exited non-zero. */
  startFailed(argv: string[], message: string): BuildFailure;
  exitFailed(argv: string[], code: number): BuildFailure;
  /** A failure of the whole build (no step): the daemon's error, worded by the client. */
  fail(message: string, excerpt?: string): BuildFailure;
  /** The image was written and named. */
  exported(imageId: string, refs: string[], tags: string[], unusedArgs: string[]): Promise<void>;
  /** The build is over (the terminal's last frame, the warnings' summary). */
  end(failed: boolean): Promise<void>;
}
