/** `docker inspect`-style output shared by image, container, network and volume inspect: a JSON array, or one `--format` line per object. */
import { DaemonError } from '../../../api/daemon';
import { marshalIndent } from '../../format/json';
import { Template } from '../../format/template';
import { TemplateError } from '../../format/template-parse';
import { CliError, type Handler } from '../../framework/types';

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

/**
 * docker-cli's inspect.Inspect over several references: the objects found are printed together,
 * then the daemon's answers for the others, worded by `missing`, joined on stderr (exit 1).
 */
export async function inspectEach(ctx: Parameters<Handler>[0], refs: string[], format: string, fetch: (ref: string) => Promise<Record<string, unknown>>, missing: (ref: string, e: DaemonError) => string): Promise<number> {
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    try {
      found.push(await fetch(ref));
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(missing(ref, e));
    }
  }
  return printInspect(ctx, found, format, errors);
}
