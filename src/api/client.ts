/**
 * The docker client as the machine installs it: `/usr/bin/docker` and `docker-compose` are the
 * engine's programs, but what they do is the client's (src/cli). The engine is given a
 * `DockerClient` at boot (`Machine.boot({ client })`) and never imports the client's code, as a
 * Linux host runs the docker binary without knowing its source. Tab completion for `docker` is the
 * client's too (docker/cli ships contrib/completion/bash/docker); the machine's shells call it.
 */
import type { DaemonApi } from './daemon';
import type { Fs } from './fs';
import type { ReadStream } from './streams';

/** What the client process sees of its terminal, files and clock. */
export interface ClientIo {
  stdout: { write(s: string): Promise<void> };
  stderr: { write(s: string): Promise<void> };
  stdin: ReadStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY?: boolean;
  /** Environment of the calling shell (DOCKER_BUILDKIT, HOME, DOCKER_HIDE_LEGACY_COMMANDS …). */
  env: Record<string, string>;
  /** Current time, ms since the epoch (the simulated clock). */
  now(): number;
  /** Terminal size for help wrapping and `ConsoleSize`; 80 columns when unknown. */
  columns?: number;
  rows?: number;
  /** The client's own filesystem (`docker cp`, `docker build` read local files). Absent in unit tests. */
  fs?: Fs;
  /** The client process's life: aborted when it is killed (Ctrl-C). */
  signal?: AbortSignal;
  /** The machine clock, for commands that refresh (`docker stats`). */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Turn the terminal's echo off for a password (moby/term's DisableEcho); call what it returns to
   * restore the terminal. Absent when stdin is not a terminal.
   */
  disableEcho?(): () => void;
  /**
   * Catch a signal sent to the client process (the CLI's signal proxy); `undefined` restores the
   * default action. Absent where the client is not a process (unit tests).
   */
  onSignal?(signal: number, handler: ((signal: number) => void) | undefined): void;
}

/** A Tab press inside a `docker …` line: the words before the cursor and the one being completed. */
export interface CompletionRequest {
  /** Words before the one being completed, the command name first. */
  words: string[];
  /** The (partial) word being completed. */
  current: string;
  fs: Fs;
  env: Record<string, string>;
}

/**
 * What a completer offers. `noSpace` is bash's `compopt -o nospace`. `undefined` falls back to file
 * paths (bash's `-o default`); `[]` offers nothing.
 */
export type CompletionReply = string[] | { candidates: string[]; noSpace?: boolean } | undefined;

/** What the client's completion may read from the machine it runs on. */
export interface CompletionSources {
  daemon: DaemonApi;
  /** May this user reach the daemon's socket (root or the docker group)? */
  canUseDaemon(fs: Fs): boolean;
  /** A container's merged filesystem (mounts included), for `docker cp web:/et<Tab>`. */
  containerFs?(ref: string): Fs | undefined;
  /** bash's file-name completion of `current` in `fs` (directories end in `/`). */
  paths(fs: Fs, current: string): string[];
}

export interface DockerClient {
  /** `docker ARGS…`: the exit status. */
  docker(argv: string[], io: ClientIo, daemon: DaemonApi): Promise<number>;
  /** `docker compose ARGS…`, or the standalone `docker-compose ARGS…`. */
  compose(argv: string[], io: ClientIo, daemon: DaemonApi, standalone: boolean): Promise<number>;
  /** Is `word` one of Compose's verbs (its `version` and `config` need no daemon)? */
  isComposeVerb(word: string): Promise<boolean>;
  /** Complete a `docker` or `docker-compose` line. */
  complete(command: 'docker' | 'docker-compose', req: CompletionRequest, sources: CompletionSources): Promise<CompletionReply>;
  /** Load the client's code now (the page calls this once the prompt is up), so the first use has no pause. */
  prefetch?(): Promise<void>;
}
