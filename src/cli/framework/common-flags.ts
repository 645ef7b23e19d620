/**
 * Flags many docker commands declare with the same help text, defined once as docker/cli does
 * (cli/flags/common.go FormatHelp and InspectFormatHelp, the `--filter`, `--force`, `--quiet` and
 * `--no-trunc` of the list, prune and rm commands). Every usage string is Docker 28.5's, byte for
 * byte: help and completion print them as they are.
 */
import type { FlagSpec } from './types';

/** flagsHelper.FormatHelp: the `--format` of list commands (table, json or a template). */
export const FORMAT_HELP = "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/** flagsHelper.InspectFormatHelp: the `--format` of inspect commands (json or a template, no table). */
export const INSPECT_FORMAT_HELP = "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/** `--format` of a list command. */
export function formatFlag(): FlagSpec {
  return { long: 'format', type: 'string', usage: FORMAT_HELP };
}

/** `-f, --format` of an inspect command (`docker network inspect` etc.); `short: false` where it has no `-f`. */
export function inspectFormatFlag(short = true): FlagSpec {
  return short ? { long: 'format', type: 'string', usage: INSPECT_FORMAT_HELP, short: 'f' } : { long: 'format', type: 'string', usage: INSPECT_FORMAT_HELP };
}

/** `-f, --filter` of a list command (some name an example filter in the usage). */
export function filterFlag(usage = 'Filter output based on conditions provided'): FlagSpec {
  return { long: 'filter', type: 'filter', usage, short: 'f' };
}

/** `--filter` of a prune command: no `-f`, which is its `--force`. */
export function pruneFilterFlag(usage: string): FlagSpec {
  return { long: 'filter', type: 'filter', usage };
}

/** `-f, --force`: "Do not prompt for confirmation" on prune commands, the command's own words elsewhere. */
export function forceFlag(usage = 'Do not prompt for confirmation'): FlagSpec {
  return { long: 'force', type: 'bool', usage, short: 'f' };
}

/** `-q, --quiet` with the command's own words ("Only display IDs", "Suppress progress output"…). */
export function quietFlag(usage: string): FlagSpec {
  return { long: 'quiet', type: 'bool', usage, short: 'q' };
}

/** `--no-trunc` with the command's own words ("Don't truncate output", "Do not truncate output"…). */
export function noTruncFlag(usage: string): FlagSpec {
  return { long: 'no-trunc', type: 'bool', usage };
}
