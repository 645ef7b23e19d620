import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { NetError, type NetApi } from '../process/types';
import { Machine } from '../machine';
import { httpRequest } from './files';
import { bootMachine } from '../../testing/boot';

/** Drives a machine's virtual clock until `p` settles (servers and the proxy run on it). */
async function settle<T>(m: Machine, p: Promise<T>): Promise<T> {
  let done = false;
  void p.finally(() => (done = true));
  const clock = m.clock as VirtualClock;
  for (let i = 0; i < 10_000 && !done; i++) {
    await new Promise((r) => setTimeout(r, 0));
    if (!done) clock.runNext();
  }
  return p;
}

describe("the browser pane's requests from the host", () => {
  it('gets the nginx welcome page through a published port, and is refused on a free one', async () => {
    const m = await bootMachine({ clock: 'virtual' });
    const r = await m.run(['docker', 'run', '-d', '-p', '8080:80', 'nginx']);
    expect(r.status).toBe(0);
    const page = await settle(m, m.httpGet('http://localhost:8080/'));
    expect(page).toMatchObject({ status: 200, statusText: 'OK' });
    expect(page.body).toContain('<h1>Welcome to nginx!</h1>');
    expect(page.headers?.find(([k]) => k.toLowerCase() === 'content-type')?.[1]).toMatch(/text\/html/);
    const missing = await settle(m, m.httpRequest('http://localhost:8080/nope.html'));
    expect(missing.status).toBe(404);
    const refused = await settle(m, m.httpGet('http://localhost:9090/'));
    expect(refused.error).toBe("This site can't be reached: localhost refused to connect. (ERR_CONNECTION_REFUSED)");
  });

  it('gives up on a server that never answers, on the machine clock', async () => {
    const clock = new VirtualClock();
    const hang: NetApi = {
      connect: (_h: string, _p: number, signal: AbortSignal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new NetError('ETIMEDOUT', 'timed out')))),
    } as unknown as NetApi;
    let out: unknown;
    const p = httpRequest(hang, 'http://localhost:8080/', {}, { clock, ms: 30_000 }).then((r) => (out = r));
    await Promise.resolve();
    expect(out).toBeUndefined();
    clock.runNext();
    await p;
    expect(out).toMatchObject({ error: "This site can't be reached: localhost took too long to respond. (ERR_CONNECTION_TIMED_OUT)" });
  });

  it('opens http:// only: there is no internet and no TLS here', async () => {
    const net = {} as NetApi;
    expect((await httpRequest(net, 'https://example.com/')).error).toMatch(/Only http:\/\//);
  });
});
