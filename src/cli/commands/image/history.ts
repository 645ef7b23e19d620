/** `docker image history`: Show the history of an image (flags and help as Docker 28.5 prints them). */
import { checkPlatform } from '../../framework/platform';
import { humanDuration, humanSizeWithPrecision } from '../../../lib/units';
import { chooseFormat, writeFormat } from '../../format/table';
import { ellipsis, truncateID } from '../../format/truncate';
import { formatFlag, noTruncFlag, quietFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, call, daemonOf, printFormat, str } from '../shared/common';
import FLAGS from './flags.json';

const HISTORY_TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';

const HISTORY_TABLE_NONHUMAN = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';

export const historyRun: Handler = async (ctx, args, flags) => {
  checkPlatform(flags, 'invalid platform: ');
  const items = await call(() => daemonOf(ctx).imageHistory(args[0]));
  const human = flags.human === undefined ? true : bool(flags, 'human');
  const trunc = !bool(flags, 'no-trunc');
  const now = ctx.io.now() / 1000;
  const rows = items.map((h) => {
    const createdBy = h.CreatedBy.replace(/\t/g, ' ');
    return {
      ID: h.Id === '<missing>' ? h.Id : trunc ? truncateID(h.Id) : h.Id,
      CreatedSince: h.Created <= 946684800 ? 'N/A' : humanDuration(now - h.Created) + ' ago',
      CreatedAt: h.Created <= 946684800 ? 'N/A' : new Date(h.Created * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      CreatedBy: trunc ? ellipsis(createdBy, 45) : createdBy,
      Size: human ? humanSizeWithPrecision(h.Size, 3) : String(h.Size),
      Comment: h.Comment,
      Tags: h.Tags,
    };
  });
  const format = chooseFormat({ quiet: bool(flags, 'quiet'), format: str(flags, 'format'), defaultFormat: human ? HISTORY_TABLE : HISTORY_TABLE_NONHUMAN, warn: () => {} });
  const header = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };
  return printFormat(ctx, writeFormat(format, header, rows));
};

export const spec = verb({
  use: 'history [OPTIONS] IMAGE', short: 'Show the history of an image',
  args: { kind: 'exact', n: 1 },
  flags: [formatFlag(), ...FLAGS.history, noTruncFlag("Don't truncate output"), quietFlag('Only show image IDs')],
  run: historyRun
});
