import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { Emitter } from '../events';
import { EventLog, EVENTS_LIMIT, engineEvent, matches } from './event-log';
import type { EventMessage } from '../../api/bodies';

function setup() {
  const clock = new VirtualClock(Date.UTC(2026, 11, 3, 21, 0, 0));
  const emitter = new Emitter();
  return { clock, emitter, log: new EventLog(clock, emitter) };
}

describe('the events service (moby daemon/events)', () => {
  it('stamps a message with the machine clock, nanoseconds increasing within a millisecond', () => {
    const { log } = setup();
    const m = log.log('container', 'create', '3f4e', { name: 'web', image: 'nginx', 'com.example': 'x' });
    expect(m).toMatchObject({ status: 'create', id: '3f4e', from: 'nginx', scope: 'local', time: 1796331600 });
    // Two events in the same millisecond still get increasing times.
    expect(log.log('network', 'create', 'n1', { name: 'a', type: 'bridge' }).timeNano).toBe(m.timeNano + 1n);
  });

  it('keeps only the last 256 events for --since', async () => {
    const { log, emitter, clock } = setup();
    for (let i = 0; i < EVENTS_LIMIT + 10; i++) engineEvent(emitter, 'volume', 'create', `v${i}`, { driver: 'local' });
    const seen: EventMessage[] = [];
    const t0 = Math.floor(clock.now() / 1000);
    clock.advance(2000);
    // Both untils have passed: the buffer is replayed and the stream returns.
    await log.stream({ since: '0', until: String(t0 - 1), filters: {}, onEvent: (m) => void seen.push(m) });
    expect(seen).toHaveLength(0);
    await log.stream({ since: '0', until: `${t0}.999999999`, filters: {}, onEvent: (m) => void seen.push(m) });
    expect(seen).toHaveLength(EVENTS_LIMIT);
    expect(seen[0].Actor.ID).toBe('v10');
  });

  it('filters as daemon/events/filter.go: same key ORs, keys AND, name and ID prefixes, image names without tags', () => {
    const { log } = setup();
    const start = log.log('container', 'start', 'abc123', { name: 'web', image: 'nginx:1.27' });
    const exec = log.log('container', 'exec_start: ls ', 'abc123', { name: 'web', image: 'nginx:1.27', execID: 'e' });
    const pull = log.log('image', 'pull', 'nginx:latest', { name: 'nginx' });
    expect(matches(start, { type: ['container'], event: ['start', 'die'] })).toBe(true);
    expect(matches(start, { type: ['image'] })).toBe(false);
    expect(matches(start, { container: ['we'] })).toBe(true);
    expect(matches(start, { container: ['abc'] })).toBe(true);
    expect(matches(start, { container: ['db'] })).toBe(false);
    expect(matches(start, { image: ['nginx'] })).toBe(true);
    expect(matches(pull, { image: ['nginx'] })).toBe(true);
    expect(matches(exec, { event: ['exec_start'] })).toBe(true);
    expect(matches(exec, { event: ['exec_die'] })).toBe(false);
    expect(matches(start, { label: ['image'] })).toBe(true);
  });

  it('streams live events until --until passes', async () => {
    const { log, emitter, clock } = setup();
    const seen: string[] = [];
    const until = String(Math.floor(clock.now() / 1000) + 5);
    const done = log.stream({ until, filters: { type: ['volume'] }, onEvent: (m) => void seen.push(m.Action) });
    clock.setTimeout(() => engineEvent(emitter, 'volume', 'create', 'v', {}), 1000);
    clock.setTimeout(() => engineEvent(emitter, 'network', 'create', 'n', {}), 2000);
    clock.setTimeout(() => engineEvent(emitter, 'volume', 'destroy', 'v', {}), 9000);
    for (let i = 0; i < 3; i++) {
      clock.runNext();
      await Promise.resolve();
    }
    await done;
    expect(seen).toEqual(['create']);
  });

  it('refuses a since after until, with the values the CLI sent', async () => {
    const { log } = setup();
    await expect(log.stream({ since: '200', until: '100', filters: {}, onEvent: () => {} })).rejects.toThrow('`since` time (200) cannot be after `until` time (100)');
  });
});
