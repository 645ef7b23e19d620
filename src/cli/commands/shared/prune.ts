/**
 * The prune commands (docker-cli's container/image/network/volume/builder/system prune): one
 * shape, as docker-cli writes each of them — ask unless `--force`, prune, print what went.
 */
import type { ImageDeleteItem } from '../../../api/daemon';
import { humanSize } from '../../../lib/units';
import { forceFlag, pruneFilterFlag } from '../../framework/common-flags';
import type { CommandSpec, FlagSpec, FlagValues, RunContext } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, confirm, list, parseFilters } from './common';

export interface PruneDef {
  /** The use line when it is not `prune [OPTIONS]` (`docker builder prune` has no `[OPTIONS]`). */
  use?: string;
  short: string;
  /** The example in `--filter`'s help: `Provide filter values (e.g. "until=<timestamp>")`. */
  filterExample: string;
  /** The command's own flags (`-a, --all` …), listed with `--filter` and `--force`. */
  flags?: FlagSpec[];
  /** What `-f` skips, up to `continue?`: the prompt adds ` [y/N] ` as PromptForConfirmation does. */
  question(flags: FlagValues): string;
  /** `image prune` ends the line when stdin ends without an answer; the others leave it. */
  newlineOnEof?: boolean;
  /** Prunes, and returns the report to print. */
  prune(ctx: RunContext, flags: FlagValues, filters: Record<string, string[]>): Promise<string>;
}

export function pruneVerb(def: PruneDef): CommandSpec {
  return verb({
    use: def.use ?? 'prune [OPTIONS]', short: def.short,
    args: { kind: 'none' },
    flags: [...(def.flags ?? []), pruneFilterFlag(`Provide filter values (e.g. "${def.filterExample}")`), forceFlag()],
    run: async (ctx, _args, flags) => {
      // docker-cli parses --filter as the flag is set (opts.FilterOpt), so a bad one fails before the question.
      const filters = parseFilters(list(flags, 'filter'));
      if (!bool(flags, 'force') && !(await confirm(ctx, `${def.question(flags)} [y/N] `, def.newlineOnEof ?? false))) return 0;
      await ctx.io.stdout.write(await def.prune(ctx, flags, filters));
      return 0;
    }
  });
}

/** `Deleted Containers:` and one line per item, then the blank line Fprintln adds; nothing when none went. */
export function deletedSection(title: string, items: string[] | null | undefined): string {
  return items?.length ? `${title}:\n${items.map((i) => i + '\n').join('')}\n` : '';
}

/** The `Deleted Images:` section of image and system prune: each untagged name, then each deleted layer. */
export function deletedImages(items: ImageDeleteItem[] | null): string {
  return deletedSection('Deleted Images', items?.map((it) => (it.Untagged ? `untagged: ${it.Untagged}` : `deleted: ${it.Deleted}`)));
}

/** The last line of every prune but `network prune`. */
export function reclaimedLine(bytes: number): string {
  return `Total reclaimed space: ${humanSize(bytes)}\n`;
}
