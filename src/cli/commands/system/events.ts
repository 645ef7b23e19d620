/** `docker system events`: Get real time events from the server (flags and help as Docker 28.5 prints them). */
import type { EventMessage } from '../../../api/bodies';
import { sortedMap } from '../../format/json';
import { BASIC_FUNCS, GO_TYPE, Template } from '../../format/template';
import { filterFlag, inspectFormatFlag } from '../../framework/common-flags';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, daemonOf, list, parseFilters, str } from '../shared/common';
import { getTimestamp, TimestampError } from '../shared/timestamp';
import FLAGS from './flags.json';

/** rfc3339NanoFixed ("2006-01-02T15:04:05.000000000Z07:00") in UTC, the machine's zone. */
export function rfc3339NanoFixed(timeNano: bigint): string {
  const ms = Number(timeNano / 1_000_000n);
  const nanos = String(timeNano % 1_000_000_000n).padStart(9, '0');
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${nanos}Z`);
}

/** prettyPrintEvent: `TIME TYPE ACTION ID (k=v, …)`. */
export function prettyEvent(m: EventMessage): string {
  let line = `${rfc3339NanoFixed(m.timeNano)} ${m.Type} ${m.Action} ${m.Actor.ID}`;
  const keys = Object.keys(m.Actor.Attributes).sort();
  if (keys.length) line += ` (${keys.map((k) => `${k}=${m.Actor.Attributes[k]}`).join(', ')})`;
  return line + '\n';
}

const MESSAGE = Symbol('message');

/** The zero events.Message the CLI tries a template on before streaming. */
const EMPTY: EventMessage = { Type: '' as EventMessage['Type'], Action: '', Actor: { ID: '', Attributes: {} }, scope: '' as 'local', time: 0, timeNano: 0n };

/** The message as a template sees it: Go's field names, json tags for `{{json .}}`. */
function templateData(message: EventMessage | undefined, typeName: string): Record<string | symbol, unknown> {
  const m = message ?? EMPTY;
  return {
    [GO_TYPE]: typeName,
    Status: m.status ?? '',
    ID: m.id ?? '',
    From: m.from ?? '',
    Type: m.Type,
    Action: m.Action,
    Actor: { [GO_TYPE]: 'events.Actor', ID: m.Actor.ID, Attributes: m.Actor.Attributes },
    Scope: m.scope,
    Time: m.time,
    TimeNano: m.timeNano,
    [MESSAGE]: m,
  };
}

/** encoding/json of an events.Message (omitempty on status/id/from/scope/time/timeNano). */
function messageJson(m: EventMessage): string {
  const o: Record<string, unknown> = {};
  if (m.status) o.status = m.status;
  if (m.id) o.id = m.id;
  if (m.from) o.from = m.from;
  o.Type = m.Type;
  o.Action = m.Action;
  o.Actor = { ID: m.Actor.ID, Attributes: sortedMap(m.Actor.Attributes) };
  if (m.scope) o.scope = m.scope;
  if (m.time) o.time = m.time;
  if (!m.timeNano) return JSON.stringify(o);
  o.timeNano = '@NANO@';
  return JSON.stringify(o).replace('"@NANO@"', m.timeNano.toString());
}

const FUNCS = {
  json: (v: unknown) => {
    const m = v && typeof v === 'object' ? (v as { [MESSAGE]?: EventMessage })[MESSAGE] : undefined;
    return m ? messageJson(m) : BASIC_FUNCS.json!(v);
  },
};

export const eventsRun: Handler = async (ctx, _args, flags) => {
  let format = str(flags, 'format');
  let tmpl: Template | undefined;
  if (format) {
    if (format === 'json') format = '{{json .}}';
    try {
      tmpl = Template.parse(format);
      // As the CLI does: run it once on an empty message so `{{.Bad}}` fails before streaming.
      tmpl.execute(templateData(undefined, '*events.Message'), FUNCS);
    } catch (e) {
      throw new CliError(`Error parsing format: ${(e as Error).message}`, 64);
    }
  }
  const now = ctx.io.now();
  let since: string | undefined;
  let until: string | undefined;
  try {
    since = str(flags, 'since') ? getTimestamp(str(flags, 'since'), now) : undefined;
    until = str(flags, 'until') ? getTimestamp(str(flags, 'until'), now) : undefined;
  } catch (e) {
    if (e instanceof TimestampError) throw new CliError(e.message, 1);
    throw e;
  }
  const daemon = daemonOf(ctx);
  const signal = ctx.io.signal;
  // checked above; the closure does not keep TypeScript's narrowing
  await call(() => daemon.events!({
    since,
    until,
    filters: parseFilters(list(flags, 'filter')),
    signal,
    onEvent: (m) => {
      if (!tmpl) return ctx.io.stdout.write(prettyEvent(m));
      let text: string;
      try {
        text = tmpl.execute(templateData(m, 'events.Message'), FUNCS);
      } catch (e) {
        // formatEvent: what was written before the error and its newline, then the error (exit 1).
        return ctx.io.stdout.write(((e as { partial?: string }).partial ?? '') + '\n').then(() => {
          throw new CliError((e as Error).message, 1);
        });
      }
      return ctx.io.stdout.write(text + '\n');
    },
  }));
};

export const spec = verb({
  use: 'events [OPTIONS]', short: 'Get real time events from the server',
  args: { kind: 'none' },
  flags: [filterFlag(), inspectFormatFlag(false), ...FLAGS.events],
  run: eventsRun
});
