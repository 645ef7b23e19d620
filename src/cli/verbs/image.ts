/** Handlers of the image verbs: images, pull, rmi, tag, history, image inspect, image prune, search. */
import { checkPlatform } from '../framework/platform';
import { CliError, type Handler } from '../framework/types';
import { DaemonError } from '../../api/daemon';
import { chooseFormat, writeFormat } from '../format/table';
import { humanDuration, humanSizeWithPrecision, humanSize } from '../../lib/units';
import { ellipsis, truncateID } from '../format/truncate';
import { marshalIndent } from '../format/json';
import { Template } from '../format/template';
import { TemplateError } from '../format/template-parse';
import { DEFAULT_IMAGE_TABLE, DIGEST_IMAGE_TABLE, formatImages } from '../commands/image/ls-format';
import { bool, call, confirm, daemonMessage, daemonOf, list, parseFilters, printFormat, str } from './common';
import { pullImage, withDefaultTag } from './pull';
import { familiarize, fullName, parseReference } from '../../lib/reference';

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

export const pullRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const quiet = bool(flags, 'quiet');
  let ref = args[0];
  try {
    parseReference(ref);
  } catch (e) {
    throw new CliError((e as Error).message, 1);
  }
  const t = withDefaultTag(ref);
  if (t.defaulted && !quiet) await ctx.io.stdout.write('Using default tag: latest\n');
  ref = t.ref;
  await call(() => pullImage(d, ref, (s) => ctx.io.stdout.write(s), { quiet, platform: str(flags, 'platform') || undefined }));
  await ctx.io.stdout.write(fullName(parseReference(ref)) + (ref.includes('@') ? '@' + ref.split('@')[1] : ':' + ref.slice(ref.lastIndexOf(':') + 1)) + '\n');
  return 0;
};

export const rmiRun: Handler = async (ctx, args, flags) => {
  checkPlatform(flags);
  const d = daemonOf(ctx);
  const errors: string[] = [];
  for (const ref of args) {
    try {
      const items = await d.imageRemove(ref, { force: bool(flags, 'force'), noPrune: bool(flags, 'no-prune') });
      for (const it of items) await ctx.io.stdout.write(it.Untagged ? `Untagged: ${it.Untagged}\n` : `Deleted: ${it.Deleted}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(daemonMessage(e));
    }
  }
  if (errors.length) throw new CliError(errors.join('\n'), 1);
  return 0;
};

export const tagRun: Handler = async (ctx, args) => {
  await call(() => daemonOf(ctx).imageTag(args[0], args[1]));
  return 0;
};

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

/** `docker inspect` / `image inspect`: a JSON array (4-space indent), or a template per object. */
export async function printInspect(ctx: Parameters<Handler>[0], objects: Record<string, unknown>[], format: string, errors: string[]): Promise<number> {
  if (format) {
    // docker-cli's inspector parses the template as given (no \t/\n replacing, unlike --format
    // tables), so `{{"\n"}}` is a Go string literal with an escape.
    let t: Template;
    try {
      t = Template.parse(format);
    } catch (e) {
      if (e instanceof TemplateError) throw new CliError(`template parsing error: ${e.message}`, 1);
      throw e;
    }
    for (const o of objects) await ctx.io.stdout.write(t.execute(o) + '\n');
  } else {
    await ctx.io.stdout.write(objects.length ? marshalIndent(objects) + '\n' : '[]\n');
  }
  if (errors.length) throw new CliError(errors.join('\n'), 1);
  return 0;
}

export const imageInspectRun: Handler = async (ctx, args, flags) => {
  checkPlatform(flags);
  const d = daemonOf(ctx);
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const ref of args) {
    try {
      found.push(await d.imageInspect(ref));
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      // docker-cli's inspector words a 404 itself and passes any other answer on (a reference
      // the daemon cannot parse is its 400 "invalid reference format").
      errors.push(e.statusCode === 404 || /No such image/.test(e.message) ? `Error: No such image: ${ref}` : `Error response from daemon: ${e.message}`);
    }
  }
  return printInspect(ctx, found, str(flags, 'format'), errors);
};

export const imagePruneRun: Handler = async (ctx, _args, flags) => {
  const all = bool(flags, 'all');
  // docker-cli parses --filter as the flag is set, so a bad one fails before the question.
  const filters = parseFilters(list(flags, 'filter'));
  if (!bool(flags, 'force')) {
    const warning = all
      ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] '
      : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ';
    if (!(await confirm(ctx, warning))) return 0;
  }
  const r = await call(() => daemonOf(ctx).imagePrune({ all, filters }));
  if (r.ImagesDeleted?.length) {
    await ctx.io.stdout.write('Deleted Images:\n');
    for (const it of r.ImagesDeleted) await ctx.io.stdout.write(it.Untagged ? `untagged: ${it.Untagged}\n` : `deleted: ${it.Deleted}\n`);
    await ctx.io.stdout.write('\n');
  }
  await ctx.io.stdout.write(`Total reclaimed space: ${humanSize(r.SpaceReclaimed)}\n`);
  return 0;
};

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

export { familiarize };
