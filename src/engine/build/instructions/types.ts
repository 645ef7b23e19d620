/**
 * The typed instructions between the Dockerfile's tree and dispatch, after BuildKit's
 * frontend/dockerfile/instructions (commands.go): each parse node becomes one command with its
 * arguments split as the instruction means them and its flags parsed and checked. Words are
 * still unexpanded (`$VAR` stays): dispatch expands them against the stage's ENV and ARGs.
 */
import type { Node } from '../dockerfile/ast';
import type { RunMount } from '../run-mounts';

interface Base {
  /** The parse node (its line, the text as written, the cache key). */
  node: Node;
}

/** FROM: a stage begins (`BaseName` and the `AS` name, lower-cased). */
export interface FromCommand extends Base {
  kind: 'from';
  baseName: string;
  name?: string;
  platform: string;
}

/** RUN, CMD and ENTRYPOINT: exec form (JSON) or a shell command line. */
export interface ShellDependentCmdLine {
  cmdLine: string[];
  /** Shell form: the stage's SHELL is put in front. */
  prependShell: boolean;
}

export interface RunCommand extends Base, ShellDependentCmdLine {
  kind: 'run';
  /** Heredoc bodies (`RUN <<EOF`), the script run instead of the line. */
  files: { name: string; data: string; chomp: boolean }[];
  mounts: RunMount[];
  /** The `--mount=` flags as written (BuildKit keeps them in the history text). */
  mountFlags: string[];
  network: string;
  security: string;
}

export interface CmdCommand extends Base, ShellDependentCmdLine {
  kind: 'cmd';
}

export interface EntrypointCommand extends Base, ShellDependentCmdLine {
  kind: 'entrypoint';
}

export interface KeyValuePair {
  key: string;
  value: string;
  /** The legacy `ENV key value` form. */
  noDelim: boolean;
}

export interface EnvCommand extends Base {
  kind: 'env';
  env: KeyValuePair[];
}

export interface LabelCommand extends Base {
  kind: 'label';
  labels: KeyValuePair[];
}

export interface ArgCommand extends Base {
  kind: 'arg';
  args: { key: string; value?: string }[];
}

export interface MaintainerCommand extends Base {
  kind: 'maintainer';
  maintainer: string;
}

/** COPY and ADD: sources (paths, or heredoc bodies) and the destination. */
export interface SourcesAndDest {
  dest: string;
  sourcePaths: string[];
  sourceContents: { path: string; data: string; expand: boolean }[];
  chown: string;
  chmod: string;
  link: boolean;
  exclude: string[];
}

export interface CopyCommand extends Base, SourcesAndDest {
  kind: 'copy';
  from: string;
  parents: boolean;
}

export interface AddCommand extends Base, SourcesAndDest {
  kind: 'add';
  checksum: string;
  keepGitDir?: boolean;
  unpack?: boolean;
}

export interface ExposeCommand extends Base {
  kind: 'expose';
  /** Sorted as written, as BuildKit sorts them before expanding. */
  ports: string[];
}

export interface VolumeCommand extends Base {
  kind: 'volume';
  volumes: string[];
}

export interface UserCommand extends Base {
  kind: 'user';
  user: string;
}

export interface WorkdirCommand extends Base {
  kind: 'workdir';
  path: string;
}

export interface StopSignalCommand extends Base {
  kind: 'stopsignal';
  signal: string;
}

export interface ShellCommand extends Base {
  kind: 'shell';
  shell: string[];
}

export interface OnbuildCommand extends Base {
  kind: 'onbuild';
  /** The trigger as it is stored in the image config (`RUN echo hi`). */
  expression: string;
}

/** Durations in nanoseconds, 0 when not given (the image config's form). */
export interface HealthcheckCommand extends Base {
  kind: 'healthcheck';
  test: string[];
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

export type Command =
  | RunCommand | CmdCommand | EntrypointCommand | EnvCommand | LabelCommand | ArgCommand | MaintainerCommand
  | CopyCommand | AddCommand | ExposeCommand | VolumeCommand | UserCommand | WorkdirCommand | StopSignalCommand
  | ShellCommand | OnbuildCommand | HealthcheckCommand;

export type Instruction = FromCommand | Command;
