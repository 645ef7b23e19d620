/**
 * What every compose verb gets: the terminal streams, the daemon, the client's filesystem, the
 * project options given before the verb (`-f`, `-p`, `--project-directory`, `--env-file`,
 * `--profile`, `--progress`), and helpers to load the project and report progress.
 */
import type { Fs } from '../../api/fs';
import type { DaemonApi } from '../../api/daemon';
import type { CliIo, FlagValues } from '../framework/types';
import { loadProject, type ProjectOptions } from './loader';
import type { Project } from './normalize';
import { Progress, type ProgressMode } from './progress';

export type ComposeIo = CliIo & {
  fs: Fs;
  stderrIsTTY?: boolean;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export class ComposeError extends Error {
  constructor(message: string, readonly status = 1) {
    super(message);
  }
}

export class ComposeCtx {
  constructor(
    readonly io: ComposeIo,
    readonly d: DaemonApi,
    readonly opts: ProjectOptions,
    readonly progressFlag: string,
  ) {}

  get fs(): Fs {
    return this.io.fs;
  }

  out(s: string): Promise<void> {
    return this.io.stdout.write(s);
  }

  err(s: string): Promise<void> {
    return this.io.stderr.write(s);
  }

  /** A logrus warning as compose prints it on a terminal (`WARN[0000] message`). */
  async warn(msg: string): Promise<void> {
    const tty = this.io.stderrIsTTY ?? this.io.stdinIsTTY;
    if (tty) await this.err(`WARN[0000] ${msg.padEnd(44)} \n`);
    else await this.err(`time="${new Date(this.io.now()).toISOString().replace(/\.\d+Z$/, 'Z')}" level=warning msg=${JSON.stringify(msg)}\n`);
  }

  /** The project, loaded as compose-go does; its warnings are printed first. */
  async load(): Promise<Project> {
    const warnings: string[] = [];
    try {
      return loadProject(this.opts, { fs: this.fs, env: this.io.env, warn: (m) => warnings.push(m) });
    } catch (e) {
      throw new ComposeError((e as Error).message);
    } finally {
      for (const w of warnings) await this.warn(w);
    }
  }

  /** The project name alone (for verbs that work without a compose file: down, ps, logs …). */
  async projectName(): Promise<{ name: string; project?: Project }> {
    if (this.opts.projectName && !this.opts.files.length) return { name: this.opts.projectName };
    const project = await this.load();
    return { name: project.name, project };
  }

  progressMode(): ProgressMode {
    const p = this.progressFlag || this.io.env.COMPOSE_PROGRESS || 'auto';
    if (p === 'quiet' || p === 'plain' || p === 'json' || p === 'tty') return p;
    const tty = this.io.stderrIsTTY ?? this.io.stdoutIsTTY;
    return tty ? 'tty' : 'plain';
  }

  progress(title: string): Progress {
    return new Progress(this.progressMode(), title, (s) => this.err(s), () => this.io.now(), this.io.columns ?? 80);
  }

  /** progress.ContextWriter outside a progress run: a writer that shows nothing. */
  quietProgress(): Progress {
    return new Progress('quiet', '', async () => {}, () => this.io.now());
  }

  sleep(ms: number): Promise<void> {
    return this.io.sleep(ms);
  }
}

export type VerbHandler = (c: ComposeCtx, args: string[], flags: FlagValues, changed: ReadonlySet<string>) => Promise<number>;
