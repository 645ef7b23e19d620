/** The client's side of `docker events`: how it prints a message and reads --since/--until. */
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../api/bodies';
import { getTimestamp, parseGoDuration } from '../shared/timestamp';
import { prettyEvent } from './events';

describe('docker events on the client', () => {
  it('prints a message as docker/cli prettyPrintEvent does: fixed nanoseconds, attributes sorted', () => {
    const m: EventMessage = {
      status: 'create', id: '3f4e', from: 'nginx', Type: 'container', Action: 'create',
      Actor: { ID: '3f4e', Attributes: { name: 'web', image: 'nginx', 'com.example': 'x' } },
      scope: 'local', time: 1796331600, timeNano: 1796331600000000000n,
    };
    expect(prettyEvent(m)).toBe('2026-12-03T21:00:00.000000000Z container create 3f4e (com.example=x, image=nginx, name=web)\n');
  });
});

describe('--since/--until on the client (api/types/time GetTimestamp)', () => {
  const now = Date.UTC(2026, 11, 3, 21, 0, 0, 500);
  it('reads Go durations and RFC 3339 times', () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('10')).toBeUndefined();
    expect(getTimestamp('10m', now)).toBe(String(Math.floor((now - 600_000) / 1000)));
    expect(getTimestamp('2026-12-03T21:00:00Z', now)).toBe('1796331600.000000000');
    expect(getTimestamp('2026-12-03', now)).toBe('1796256000.000000000');
    expect(getTimestamp('2026-12-03T21:00:00.123456789+01:00', now)).toBe('1796328000.123456789');
    expect(getTimestamp('1796331600', now)).toBe('1796331600');
    expect(() => getTimestamp('yesterday', now)).toThrow('failed to parse value as time or duration: "yesterday"');
  });
});
