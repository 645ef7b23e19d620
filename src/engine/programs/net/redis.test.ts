import { describe, expect, it } from 'vitest';
import { redisCli, redisServer } from './redis';
import { Collect, makeWorld, run } from '../../../testing/programs/ctx';
import { FakeNet } from '../../../testing/programs/fakenet';

const ROOT = { uid: 0, gid: 0, groups: [0] };

async function server() {
  const w = makeWorld();
  const net = new FakeNet();
  w.net = net;
  w.disk.view().mkdir('/data', { recursive: true });
  const stop = new AbortController();
  const stdout = new Collect();
  const done = run(w, redisServer, ['redis-server'], { cred: ROOT, cwd: '/data', signal: stop.signal, stdout }).catch(() => undefined);
  for (let i = 0; i < 50 && !net.listeners.has(6379); i++) await new Promise((r) => setTimeout(r, 0));
  const cli = async (...args: string[]) => (await run(w, redisCli, ['redis-cli', ...args], { cred: ROOT })).out;
  return { w, stop, done, stdout, cli };
}

describe('redis-server and redis-cli', () => {
  it('start-up log, strings with EX/NX, counters, expiry and the reply formats of a pipe', async () => {
    const s = await server();
    expect(s.stdout.text()).toMatch(/^\d+:C .* \* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n/);
    expect(s.stdout.text()).toMatch(/\d+:M .* \* Ready to accept connections tcp\n$/);
    expect(await s.cli('ping')).toBe('PONG\n');
    expect(await s.cli('set', 'k', 'v', 'EX', '100')).toBe('OK\n');
    expect(await s.cli('set', 'k', 'other', 'NX')).toBe('\n');
    expect(await s.cli('get', 'k')).toBe('v\n');
    expect(await s.cli('ttl', 'k')).toBe('100\n');
    expect(await s.cli('incr', 'n')).toBe('1\n');
    expect(await s.cli('decr', 'n')).toBe('0\n');
    expect(await s.cli('exists', 'k', 'n', 'nope')).toBe('2\n');
    expect(await s.cli('info', 'keyspace')).toBe('# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=0\r\n\n');
    s.stop.abort();
    await s.done;
  });

  it('lists, LPOP/RPOP deleting an emptied list; real commands outside the model say so', async () => {
    const s = await server();
    expect(await s.cli('rpush', 'l', 'a', 'b')).toBe('2\n');
    expect(await s.cli('lpop', 'l')).toBe('a\n');
    expect(await s.cli('rpop', 'l')).toBe('b\n');
    expect(await s.cli('exists', 'l')).toBe('0\n');
    expect(await s.cli('hset', 'h', 'f', '1')).toMatch(/^\(error\) ERR 'hset' is a real Redis command that this Docker simulator does not model/);
    expect(await s.cli('frob', 'x')).toBe("(error) ERR unknown command 'frob', with args beginning with: 'x' \n");
    s.stop.abort();
    await s.done;
  });

  it('SAVE writes /data/dump.rdb and the next server loads it', async () => {
    const s = await server();
    await s.cli('set', 'Message', 'Hello World!');
    expect(await s.cli('save')).toBe('OK\n');
    expect(s.w.disk.view().readFile('/data/dump.rdb').slice(0, 9)).toEqual(new TextEncoder().encode('REDIS0012'));
    s.stop.abort();
    await s.done;
    const net = new FakeNet();
    s.w.net = net;
    const stop = new AbortController();
    const stdout = new Collect();
    const done = run(s.w, redisServer, ['redis-server'], { cred: ROOT, cwd: '/data', signal: stop.signal, stdout }).catch(() => undefined);
    for (let i = 0; i < 50 && !net.listeners.has(6379); i++) await new Promise((r) => setTimeout(r, 0));
    expect(stdout.text()).toContain('Done loading RDB, keys loaded: 1, keys expired: 0.');
    expect((await run(s.w, redisCli, ['redis-cli', 'get', 'Message'], { cred: ROOT })).out).toBe('Hello World!\n');
    stop.abort();
    await done;
  });
});
