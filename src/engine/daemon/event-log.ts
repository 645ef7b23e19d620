/**
 * dockerd's events service (moby daemon/events): every container, image, volume and network
 * action is logged as an events.Message, kept in a bounded buffer for `docker events --since`, and
 * published to live subscribers. The services announce actions on the machine's Emitter as
 * `engine.event` (so they need no new dependency); this log stamps them with the machine's clock.
 *
 * Moby keeps the last 256 messages (`eventsLimit` in daemon/events/events.go, v28.5.2); older ones
 * are gone for `--since`. Filters follow daemon/events/filter.go.
 */
import type { Clock } from '../clock';
import type { Emitter, MachineEvent } from '../events';
import type { Container } from '../container/container';
import { DaemonError } from '../../api/daemon';
import type { EngineEventType, EventMessage } from '../../api/bodies';
import { sha256Digest } from '../image/config';

export const EVENTS_LIMIT = 256;

/** Announce one engine event (what a service calls where moby calls LogContainerEvent & co). */
export function engineEvent(events: Emitter, kind: EngineEventType, action: string, id: string, attributes: Record<string, string>): void {
  events.emit({ type: 'engine.event', kind, action, id, attributes });
}

/**
 * LogContainerEventWithAttributes: the container's labels, then `image` (Config.Image as given
 * to create) and `name` on top of the action's own attributes.
 */
export function containerEvent(events: Emitter, c: Container, action: string, extra: Record<string, string> = {}): void {
  const attributes: Record<string, string> = { ...extra, ...(c.config.Labels ?? {}) };
  if (c.config.Image) attributes.image = c.config.Image;
  attributes.name = c.name.replace(/^\/+/, '');
  engineEvent(events, 'container', action, c.id, attributes);
}

/** LogNetworkEventWithAttributes: the action's attributes plus the network's `name` and `type` (its driver). */
export function networkEvent(events: Emitter, n: { id: string; name: string; driver: string }, action: string, extra: Record<string, string> = {}): void {
  engineEvent(events, 'network', action, n.id, { ...extra, name: n.name, type: n.driver });
}

/**
 * A container's named and anonymous volumes as it starts (`mount`, daemon/volumes_unix.go) and
 * once it has stopped (`unmount`, container.UnmountVolumes). Bind mounts and tmpfs log nothing.
 */
export function mountEvents(events: Emitter, c: Container, action: 'mount' | 'unmount'): void {
  for (const m of c.mounts) {
    if (m.Type !== 'volume' || !m.Name) continue;
    const driver = m.Driver ?? 'local';
    const attrs: Record<string, string> = action === 'mount'
      ? { driver, container: c.id, destination: m.Destination, 'read/write': String(m.RW), propagation: m.Propagation }
      : { driver, container: c.id };
    engineEvent(events, 'volume', action, m.Name, attrs);
  }
}

/** Execs counted per machine (its Emitter), so one machine's IDs do not depend on another's. */
const execCounts = new WeakMap<Emitter, number>();

/**
 * `exec_create: CMD`, `exec_start: CMD` now and `exec_die` when it ends (the returned function).
 * CMD is moby's `Entrypoint + " " + strings.Join(Args, " ")` (so a bare `ls` reads `ls `). The
 * exec ID is derived from the container and a counter, not the machine's random source, so that
 * an exec does not change the IDs and names that follow it.
 */
export function announceExec(events: Emitter, c: Container, argv: string[]): (exitCode: number) => void {
  const n = (execCounts.get(events) ?? 0) + 1;
  execCounts.set(events, n);
  const execID = sha256Digest(`${c.id}/exec/${n}`).slice('sha256:'.length);
  const text = `${argv[0] ?? ''} ${argv.slice(1).join(' ')}`;
  containerEvent(events, c, `exec_create: ${text}`, { execID });
  containerEvent(events, c, `exec_start: ${text}`, { execID });
  return (exitCode) => containerEvent(events, c, 'exec_die', { execID, exitCode: String(exitCode) });
}

/**
 * LogImageEvent: the image's labels (when it still exists), then `name` (for a pull the familiar
 * name, for tag the new tag, otherwise the image ID as the classic store passes it).
 */
export function imageEvent(events: Emitter, img: { config: { config?: { Labels?: Record<string, string> | null } } } | undefined, id: string, name: string, action: string): void {
  const attributes: Record<string, string> = { ...(img?.config.config?.Labels ?? {}) };
  if (name) attributes.name = name;
  engineEvent(events, 'image', action, id, attributes);
}

type Subscriber = (m: EventMessage) => void;

export class EventLog {
  private readonly buffer: EventMessage[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private lastNano = 0n;

  constructor(private readonly clock: Clock, emitter: Emitter) {
    emitter.on((e: MachineEvent) => {
      if (e.type === 'engine.event') this.log(e.kind, e.action, e.id, e.attributes);
    });
  }

  /** events.Log: stamp, fill the deprecated status/id/from for containers and images, publish. */
  log(kind: EngineEventType, action: string, id: string, attributes: Record<string, string>): EventMessage {
    // The clock counts milliseconds; events within one millisecond still get increasing times.
    let nano = BigInt(Math.floor(this.clock.now())) * 1_000_000n;
    if (nano <= this.lastNano) nano = this.lastNano + 1n;
    this.lastNano = nano;
    const legacy = kind === 'container' ? { status: action, id, from: attributes.image } : kind === 'image' ? { status: action, id } : {};
    const m: EventMessage = {
      ...legacy,
      Type: kind,
      Action: action,
      Actor: { ID: id, Attributes: attributes },
      scope: 'local',
      time: Number(nano / 1_000_000_000n),
      timeNano: nano,
    };
    if (m.from === undefined) delete m.from;
    if (this.buffer.length >= EVENTS_LIMIT) this.buffer.shift();
    this.buffer.push(m);
    for (const fn of [...this.subscribers]) fn(m);
    return m;
  }

  /**
   * GET /events: `since`/`until` in the API's `seconds[.nanoseconds]` form. Buffered events come
   * first (only when since or until is given, as moby's loadBufferedEvents), then live ones until
   * `until` passes or `signal` aborts. An `until` already past answers with the buffer alone.
   */
  async stream(opts: { since?: string; until?: string; filters: Record<string, string[]>; signal?: AbortSignal; onEvent: (m: EventMessage) => Promise<void> | void }): Promise<void> {
    const since = apiTime(opts.since);
    const until = apiTime(opts.until);
    if (until !== undefined && since !== undefined && until < since) {
      throw new DaemonError(`\`since\` time (${opts.since}) cannot be after \`until\` time (${opts.until})`, 400);
    }
    const include = (m: EventMessage) => matches(m, opts.filters);
    const nowNano = BigInt(Math.floor(this.clock.now())) * 1_000_000n;
    const queue: EventMessage[] = [];
    let wake: (() => void) | undefined;
    const sub: Subscriber = (m) => {
      if (!include(m)) return;
      queue.push(m);
      wake?.();
    };
    const buffered = since !== undefined || until !== undefined
      ? this.buffer.filter((m) => m.timeNano >= (since ?? 0n) && (until === undefined || m.timeNano <= until) && include(m))
      : [];
    for (const m of buffered) await opts.onEvent(m);
    if (until !== undefined && until < nowNano) return;
    this.subscribers.add(sub);
    let timer: number | undefined;
    let done = false;
    const finish = () => {
      done = true;
      wake?.();
    };
    if (until !== undefined) timer = this.clock.setTimeout(finish, Number((until - nowNano) / 1_000_000n));
    opts.signal?.addEventListener('abort', finish, { once: true });
    try {
      while (!done && !opts.signal?.aborted) {
        if (!queue.length) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        await opts.onEvent(queue.shift()!);
      }
    } finally {
      this.subscribers.delete(sub);
      if (timer !== undefined) this.clock.clearTimeout(timer);
      opts.signal?.removeEventListener('abort', finish);
    }
  }
}

/** `1700000000` or `1700000000.123456789` (timetypes.ParseTimestamps) → nanoseconds. */
function apiTime(v: string | undefined): bigint | undefined {
  if (!v) return undefined;
  const m = /^(-?\d+)(?:\.(\d+))?$/.exec(v);
  if (!m) throw new DaemonError(`strconv.ParseInt: parsing "${v}": invalid syntax`, 400);
  const frac = (m[2] ?? '').slice(0, 9).padEnd(9, '0');
  return BigInt(m[1]) * 1_000_000_000n + BigInt(frac);
}

// ---- daemon/events/filter.go ----

function exact(f: Record<string, string[]>, field: string, v: string): boolean {
  const vals = f[field];
  return !vals?.length || vals.includes(v);
}

function fuzzy(f: Record<string, string[]>, field: string, v: string): boolean {
  const vals = f[field];
  return !vals?.length || vals.some((x) => v.startsWith(x));
}

/** The filters that match an actor by ID or name prefix, whatever the event's type (as moby does). */
const NAMED = ['daemon', 'container', 'plugin', 'volume', 'network', 'service', 'node', 'secret', 'config'];

function fuzzyName(f: Record<string, string[]>, m: EventMessage, kind: string): boolean {
  return fuzzy(f, kind, m.Actor.ID) || fuzzy(f, kind, m.Actor.Attributes.name ?? '');
}

/** reference.FamiliarName of an image name: the tag and the `docker.io/library/` prefix go. */
function stripTag(image: string): string {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const name = colon > slash ? noDigest.slice(0, colon) : noDigest;
  return name.replace(/^docker\.io\//, '').replace(/^library\//, '');
}

function matchLabels(f: Record<string, string[]>, attrs: Record<string, string>): boolean {
  const vals = f.label;
  if (!vals?.length) return true;
  return vals.every((kv) => {
    const i = kv.indexOf('=');
    if (i < 0) return kv in attrs;
    return attrs[kv.slice(0, i)] === kv.slice(i + 1);
  });
}

export function matches(m: EventMessage, f: Record<string, string[]>): boolean {
  const fuzzyEvent = (f.event ?? []).some((v) => v === 'health_status' || v === 'exec_create' || v === 'exec_start');
  const eventOk = fuzzyEvent ? fuzzy(f, 'event', m.Action) : exact(f, 'event', m.Action);
  const imageName = m.Actor.Attributes[m.Type === 'image' ? 'name' : 'image'] ?? '';
  return eventOk
    && exact(f, 'type', m.Type)
    && exact(f, 'scope', m.scope)
    && NAMED.every((k) => fuzzyName(f, m, k))
    && (exact(f, 'image', m.Actor.ID) || exact(f, 'image', imageName) || exact(f, 'image', stripTag(m.Actor.ID)) || exact(f, 'image', stripTag(imageName)))
    && matchLabels(f, m.Actor.Attributes);
}
