/**
 * The CLI's formatter.Context: turn a `--format` value into output for a list of row contexts.
 * `table …` → rows through the tab writer with a header row (rendered by the same template
 * against the header names, with the header functions); `json` → `{{json .}}` per line; any
 * other string → the template per row, unaligned, no header.
 */
import { tabwrite } from './tabwriter';
import { HEADER_FUNCS, Template, TemplateError } from './template';

export const TABLE_KEY = 'table';
export const JSON_KEY = 'json';
export const RAW_KEY = 'raw';
export const DEFAULT_QUIET_FORMAT = '{{.ID}}';
export const JSON_FORMAT = '{{json .}}';
export const IGNORING_FORMAT_WARNING = 'WARNING: Ignoring custom format, because both --format and --quiet are set.';

export function isTable(format: string): boolean {
  return format.startsWith(TABLE_KEY);
}

/** preFormat: strip `table`, map `json`, trim spaces, turn literal `\t`/`\n` into TAB/LF. */
export function finalFormat(format: string): string {
  let f = format;
  if (isTable(f)) f = f.slice(TABLE_KEY.length);
  else if (f === JSON_KEY) f = JSON_FORMAT;
  f = f.replace(/^ +| +$/g, '');
  return f.replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
}

export interface FormatResult {
  /** What goes to stdout (may be partial when `error` is set). */
  out: string;
  /** e.g. `template parsing error: template: :1: function "foo" not defined`. */
  error?: string;
}

/**
 * Render `rows` with `format`. `header` is the header context (a map of field → column title,
 * possibly with methods such as `Label`).
 */
export function writeFormat(format: string, header: unknown, rows: unknown[]): FormatResult {
  const src = finalFormat(format);
  let tmpl: Template;
  try {
    tmpl = Template.parse(src);
  } catch (e) {
    return { out: '', error: `template parsing error: ${(e as Error).message}` };
  }
  let body = '';
  let error: string | undefined;
  for (const row of rows) {
    try {
      body += tmpl.execute(row) + '\n';
    } catch (e) {
      body += (e as TemplateError & { partial?: string }).partial ?? '';
      error = `template parsing error: ${(e as Error).message}`;
      break;
    }
  }
  if (error) return { out: body, error };
  if (!isTable(format)) return { out: body };
  let head = '';
  try {
    head = tmpl.execute(header, HEADER_FUNCS);
  } catch (e) {
    // Go ignores the header's execution error but keeps what it wrote
    head = (e as TemplateError & { partial?: string }).partial ?? '';
  }
  return { out: tabwrite(head + '\n' + body) };
}

/** The header name of a `{{.Label "com.example.some-label"}}` column (`some label`). */
export function labelHeader(name: string): string {
  const parts = name.split('.');
  return parts[parts.length - 1]!.replace(/[-_]/g, ' ');
}

/**
 * Choose the format the way list commands do: `-q` wins (with a warning when a custom format was
 * also given), else the user's `--format`, else the config file's, else the default table.
 */
export function chooseFormat(opts: { quiet: boolean; format: string; configFormat?: string; defaultFormat: string; warn: (s: string) => void }): string {
  if (opts.quiet) {
    if (opts.format && opts.format !== 'table' && opts.format !== JSON_KEY) opts.warn(IGNORING_FORMAT_WARNING);
    return DEFAULT_QUIET_FORMAT;
  }
  if (opts.format) return opts.format;
  if (opts.configFormat) return opts.configFormat;
  return opts.defaultFormat;
}
