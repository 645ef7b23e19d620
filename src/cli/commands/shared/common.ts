/** What the verb handlers of every group share: the daemon handle, error reporting, flag values, filters, formatted output and the y/N prompt. */
import { type DaemonApi, DaemonError, StreamError } from '../../../api/daemon';
import { InvalidReference } from '../../../lib/reference';
import type { FormatResult } from '../../format/table';
import { CliError, type FlagValues, type RunContext } from '../../framework/types';

export function daemonOf(ctx: RunContext): DaemonApi {
  return asApi(ctx.daemon);
}

const apis = new WeakMap<object, DaemonApi>();

/**
 * The daemon as the CLI sees it over its HTTP API: whatever the daemon refuses comes back as an
 * error response. Reference parsing inside the daemon throws InvalidReference (the parser is shared
 * with the CLI); over the wire that is a 400 with the same text, so `docker rmi café` says
 * `Error response from daemon: invalid reference format` instead of leaking as an internal error.
 */
function asApi(d: DaemonApi): DaemonApi {
  let api = apis.get(d);
  if (api) return api;
  const asResponse = (e: unknown): never => {
    if (e instanceof InvalidReference) throw new DaemonError(e.message, 400);
    throw e;
  };
  api = new Proxy(d, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        let r: unknown;
        try {
          r = v.apply(target, args);
        } catch (e) {
          return asResponse(e);
        }
        return r instanceof Promise ? r.catch(asResponse) : r;
      };
    },
  });
  apis.set(d, api);
  return api;
}

/** `Error response from daemon: <msg>` for daemon errors; other errors pass through. */
export function daemonMessage(e: unknown): string {
  if (e instanceof StreamError) return e.message;
  if (e instanceof DaemonError) return `Error response from daemon: ${e.message}`;
  if (e instanceof CliError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Run a daemon call; on a daemon error print it and exit 1 (the CLI's plain error path). */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
}

/**
 * A verb that is one daemon call and prints nothing (rename, tag, network connect …): exit 0 once
 * the daemon answers, its error and exit 1 otherwise — docker-cli's `return apiClient.X(…)`.
 */
export async function silentCall(fn: () => Promise<unknown>): Promise<number> {
  await call(fn);
  return 0;
}

export function str(flags: FlagValues, name: string): string {
  const v = flags[name];
  return typeof v === 'string' ? v : v === undefined ? '' : String(v);
}

export function bool(flags: FlagValues, name: string): boolean {
  return flags[name] === true || flags[name] === 'true';
}

export function list(flags: FlagValues, name: string): string[] {
  const v = flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [];
}

/** `--label k=v`, `--opt k=v`, `--log-opt k=v` to a map; a bare `k` is `k=""` (docker-cli's opts.ConvertKVStringsToMap). */
export function keyValueMap(items: string[]): Record<string, string> {
  return Object.fromEntries(items.map((kv) => {
    const i = kv.indexOf('=');
    return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
  }));
}

/**
 * `-f key=value` flags to the Engine API's filter map, as filters.ParseFlag builds it: the name
 * lower-cased, both sides trimmed, an empty value skipped. The flag parser has already refused a
 * value without `=` (flag-values.ts); this check is for filters that come from elsewhere.
 */
export function parseFilters(values: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of values) {
    if (v === '') continue;
    const i = v.indexOf('=');
    if (i < 0) throw new CliError(`bad format of filter (expected name=value)`, 125);
    const k = v.slice(0, i).trim().toLowerCase();
    (out[k] ??= []).push(v.slice(i + 1).trim());
  }
  return out;
}

/** Print a formatted list; a template error goes to stderr with exit 1, as the CLI does. */
export async function printFormat(ctx: RunContext, r: FormatResult): Promise<number> {
  if (r.out) await ctx.io.stdout.write(r.out);
  if (r.error) throw new CliError(r.error, 1);
  return 0;
}

/** Ask a yes/no question on the terminal the way the CLI's prompt does (`[y/N] `). */
export async function confirm(ctx: RunContext, question: string, newlineAtEof = true, acceptYes = false): Promise<boolean> {
  await ctx.io.stdout.write(question);
  const chunk = await ctx.io.stdin.read().catch(() => null);
  const answer = chunk ? new TextDecoder().decode(chunk).trim().toLowerCase() : '';
  // The prune commands (but `image prune`) leave the line as it is when stdin ends.
  if (!chunk && newlineAtEof) await ctx.io.stdout.write('\n');
  // docker-cli's PromptForConfirmation takes `y` or `Y` only; compose's prompt takes yes as well.
  return answer === 'y' || (acceptYes && answer === 'yes');
}

/** Each argument (container, network, volume…) is handled in turn; successes echo the name as typed, failures are joined (exit 1). */
export async function eachArg(ctx: RunContext, args: string[], fn: (name: string) => Promise<string | void>): Promise<number> {
  const errors: string[] = [];
  for (const name of args) {
    try {
      const out = await fn(name);
      await ctx.io.stdout.write((out ?? name) + '\n');
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(daemonMessage(e));
    }
  }
  if (errors.length) throw new CliError(errors.join('\n'), 1);
  return 0;
}
