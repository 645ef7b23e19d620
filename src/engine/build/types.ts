/**
 * What the builder's parts share: the build's options (from `docker build`), what it needs of the
 * daemon, a stage as it runs, the failure that ends a build, and a step's plan.
 */
import type { BuildRequest } from '../../api/bodies';
import type { Clock } from '../clock';
import type { Image, ImageStore } from '../image/store';
import type { ContainerService } from '../daemon/containers';
import type { PullProgress } from '../../api/daemon';
import type { Fs } from '../../api/fs';
import type { Command, FromCommand } from './instructions/types';
import type { BuildContext } from './context';
import type { BuildCache } from './cache';
import type { BuildStepEvent, MachineEvent } from '../events';
import type { StepHandle } from './printers/printer';

/** What the builder is given: the request as the client sent it, with the context unpacked. */
export interface BuildOptions extends Omit<BuildRequest, 'context'> {
  /** The Dockerfile's text (read from the context at `dockerfileName`). */
  dockerfile: string;
  context: BuildContext;
}

export interface BuildDeps {
  store: ImageStore;
  clock: Clock;
  containers: ContainerService;
  /**
   * Fetch a base image. `intoBuildCache`: BuildKit's way with the classic image store — the base
   * becomes build cache, not a tagged image (`docker images` does not list it).
   */
  pull(ref: string, onProgress: (p: PullProgress) => Promise<void>, intoBuildCache?: boolean): Promise<Image>;
  /** Normalised reference (`docker.io/library/x:latest`) of a name, or a DaemonError. */
  normalize(ref: string): string;
  tag(imageId: string, ref: string): void;
  cache: BuildCache;
  /** Build events for the pictures (the daemon adds the build's ID). */
  emit?(e: BuildEventBody): void;
  /** The host's files, where RUN --mount keeps cache directories and context copies. */
  hostFs?: () => Fs;
}

type Dist<T> = T extends unknown ? Omit<T, 'build'> : never;
export type BuildEventBody = Dist<Extract<MachineEvent, { type: 'build.step' | 'build.step.started' }>>;
export type Change = BuildStepEvent['files'][number];

/** A failure that ends the build: the CLI prints `message` and exits with `status`. */
export class BuildFailure extends Error {
  constructor(message: string, readonly status = 1) {
    super(message);
  }
}

export interface Stage {
  index: number;
  name?: string;
  from: FromCommand;
  commands: Command[];
  image?: Image;
  args: Map<string, string | undefined>;
  /** BuildKit's step numbering (`[2/4]`): the steps counted, and how many have been labelled. */
  cmdTotal?: number;
  cmdIndex?: number;
  /** A CMD came before in this stage (an ENTRYPOINT then keeps it). */
  cmdSet?: boolean;
}

/**
 * What a step will do: `key` (the instruction as the cache sees it), `detail` (what else decides
 * a hit: the copied files' digests, the build args a RUN sees; `kind` says which) and `apply`.
 */
export interface StepPlan {
  key: string;
  detail?: string;
  kind?: 'files' | 'args';
  apply: (step?: StepHandle) => Promise<Image>;
}

/** Build args Docker never warns about when unused (they are the proxy settings). */
export const PROXY_ARGS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];
