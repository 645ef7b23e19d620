/**
 * The command framework's contract: a cobra-like command tree whose leaves are one file per
 * docker verb (`src/cli/commands/...`). Specs carry exactly what Docker 28.5 prints in help and
 * flag errors; handlers get parsed flags and an io/daemon context.
 */
import type { ClientIo } from '../../api/client';
import type { DaemonApi } from '../../api/daemon';

export type ArgsRule =
  | { kind: 'none' }
  | { kind: 'any' }
  | { kind: 'min'; n: number }
  | { kind: 'max'; n: number }
  | { kind: 'exact'; n: number }
  | { kind: 'range'; n: number; m: number };

export interface FlagSpec {
  long: string;
  short?: string;
  /**
   * pflag's Value.Type(): `bool`, `string`, `int`, `int64`, `uint64`, `duration`, `list`,
   * `filter`, `map`, `stringArray`, `strings`, `bytes`, `float`… It decides both parsing
   * (see flag-values.ts) and the help column.
   */
  type: string;
  usage: string;
  /** Default as pflag prints it in help (`-1`, `info`); absent = zero value. */
  default?: string;
  hidden?: boolean;
  /** Value used when the flag is given without `=value` (pflag NoOptDefVal), e.g. `--detach-keys`. */
  noOptDefVal?: string;
}

/** The client process's terminal, files and clock (the contract in src/api/client.ts). */
export type CliIo = ClientIo;

/** Parsed flag values, keyed by long name. Unset flags hold their defaults. */
export type FlagValues = Record<string, string | boolean | number | string[]>;

export interface RunContext<D = DaemonApi> {
  io: CliIo;
  daemon: D;
  /** `docker image ls` etc. as typed-resolved (for messages). */
  commandPath: string;
  /** Which flags the user gave explicitly (cobra's Flags().Changed). */
  changed: ReadonlySet<string>;
  /** Global options (`-D`, `-H`, `--context`, `-l` …). */
  globals: FlagValues;
  spec: CommandSpec;
}

/**
 * Returns the exit status, or nothing for 0 (cobra's RunE returning nil). Throwing a CliError
 * prints it and exits with its status.
 */
export type Handler = (ctx: RunContext, args: string[], flags: FlagValues) => Promise<number | void>;

export interface CommandSpec {
  name: string;
  use: string;
  short: string;
  /** cobra's Long: shown instead of Short at the top of the command's own help. */
  long?: string;
  aliases?: string[];
  /** Docker's `aliases` annotation: the "Aliases:" line, when it differs from the computed one. */
  aliasesLine?: string;
  args?: ArgsRule;
  flags: FlagSpec[];
  /** `category-top` annotation: listed under "Common Commands:" of `docker --help`. */
  categoryTop?: number;
  swarm?: boolean;
  /** A CLI plugin (buildx, compose): shown with `*` after its name. */
  plugin?: boolean;
  hidden?: boolean;
  /** false for run/create/exec: flags stop at the first positional argument. */
  interspersed?: boolean;
  /** A plugin that parses its own command line (compose): gets every argument after its name. */
  rawArgs?: boolean;
  run?: Handler;
  subcommands?: CommandSpec[];
}

/** An error the CLI prints to stderr (message as is) and exits with `status`. */
export class CliError extends Error {
  constructor(message: string, readonly status = 1) {
    super(message);
    this.name = 'CliError';
  }
}
