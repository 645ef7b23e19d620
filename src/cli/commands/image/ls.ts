/** `docker image ls`: List images (flags and help as Docker 28.5 prints them). */
import { chooseFormat } from '../../format/table';
import { filterFlag, formatFlag, noTruncFlag, quietFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, call, daemonOf, list, parseFilters, printFormat, str } from '../shared/common';
import FLAGS from './flags.json';
import { DEFAULT_IMAGE_TABLE, DIGEST_IMAGE_TABLE, formatImages } from './ls-format';

export const imagesRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const filters = parseFilters(list(flags, 'filter'));
  if (args[0]) (filters.reference ??= []).push(args[0]);
  const images = await call(() => d.imageList({ all: bool(flags, 'all'), filters }));
  const format = chooseFormat({
    quiet: bool(flags, 'quiet'),
    format: str(flags, 'format'),
    defaultFormat: bool(flags, 'digests') ? DIGEST_IMAGE_TABLE : DEFAULT_IMAGE_TABLE,
    warn: () => {},
  });
  let out = formatImages(images, format, { trunc: !bool(flags, 'no-trunc'), nowMs: ctx.io.now() });
  if (bool(flags, 'quiet')) {
    // -q lists each image once
    const seen = new Set<string>();
    out = { ...out, out: out.out.split('\n').filter((l) => l && !seen.has(l) && seen.add(l)).map((l) => l + '\n').join('') };
  }
  return printFormat(ctx, out);
};

export const spec = verb({
  use: 'ls [OPTIONS] [REPOSITORY[:TAG]]', short: 'List images',
  aliases: ['list'],
  args: { kind: 'max', n: 1 },
  flags: [...FLAGS.ls, filterFlag(), formatFlag(), noTruncFlag("Don't truncate output"), quietFlag('Only show image IDs')],
  run: imagesRun
});
