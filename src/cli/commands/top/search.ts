/** `docker search`: Search Docker Hub for images (flags and help as Docker 28.5 prints them). */
import { writeFormat } from '../../format/table';
import { ellipsis } from '../../format/truncate';
import { filterFlag, noTruncFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, call, daemonOf, list, parseFilters, printFormat, str } from '../shared/common';
import FLAGS from './flags.json';

const SEARCH_TABLE = 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}';

export const searchRun: Handler = async (ctx, args, flags) => {
  // Without --limit the client sends none and the registry answers 25 results.
  const limit = !ctx.changed.has('limit') ? 25 : typeof flags.limit === 'number' ? flags.limit : Number(str(flags, 'limit') || 25);
  const results = await call(() => daemonOf(ctx).search(args[0], { limit, filters: parseFilters(list(flags, 'filter')) }));
  const trunc = !bool(flags, 'no-trunc');
  const rows = results.map((r) => ({
    Name: r.name,
    Description: trunc ? ellipsis(r.description.replace(/\n/g, ' '), 45) : r.description,
    StarCount: String(r.star_count),
    IsOfficial: r.is_official ? '[OK]' : '',
    IsAutomated: r.is_automated ? '[OK]' : '',
  }));
  const format = str(flags, 'format') || SEARCH_TABLE;
  const header = { Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL', IsAutomated: 'AUTOMATED' };
  return printFormat(ctx, writeFormat(format, header, rows));
};

export const spec = verb({
  use: 'search [OPTIONS] TERM', short: 'Search Docker Hub for images',
  args: { kind: 'exact', n: 1 }, categoryTop: 10,
  flags: [filterFlag(), ...FLAGS.search, noTruncFlag("Don't truncate output")],
  run: searchRun
});
