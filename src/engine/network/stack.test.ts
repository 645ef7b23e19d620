import { describe, expect, it } from 'vitest';
import { NetStack, NetNamespace } from './stack';
import { NetError } from '../process/types';
import type { Fs } from '../../api/fs';

/** A namespace with one bridge address, as NetworkService gives a container. */
function container(stack: NetStack, name: string, ip: string, prefix = 16): NetNamespace {
  const ns = new NetNamespace(stack, name);
  ns.interfaces.push({ name: 'eth0', mtu: 1500, state: 'UP', mac: '02:42:00:00:00:00', addresses: [{ family: 'inet', address: ip, prefixLength: prefix }] });
  return ns;
}

/** An /etc/hosts with the given text (resolveName reads it through the process's view). */
const hosts = (text: string) => () => ({ readText: () => text }) as unknown as Fs;
const noHosts = () => ({ readText: () => { throw new Error('ENOENT'); } }) as unknown as Fs;

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof NetError ? e.code : String(e);
  }
}

describe('NetStack', () => {
  const signal = new AbortController().signal;

  it('connects two containers on one bridge through a pipe pair, each side seeing the other', async () => {
    const stack = new NetStack();
    const a = container(stack, 'a', '172.17.0.2');
    const b = container(stack, 'b', '172.17.0.3');
    const l = b.api(noHosts).listen(80);
    const client = await a.api(noHosts).connect('172.17.0.3', 80, signal);
    const server = await l.accept(signal);
    expect(server.remoteAddress).toBe('172.17.0.2');
    expect(client.remoteAddress).toBe('172.17.0.3');
    await client.output.write('ping');
    expect(new TextDecoder().decode((await server.input.read())!)).toBe('ping');
    client.close();
    expect(await server.input.read()).toBeNull();
  });

  it('refuses a port nobody listens on, and a second listener on a taken port', async () => {
    const stack = new NetStack();
    const a = container(stack, 'a', '172.17.0.2');
    expect(await code(a.api(noHosts).connect('127.0.0.1', 6379, signal))).toBe('ECONNREFUSED');
    a.api(noHosts).listen(6379);
    expect(() => a.api(noHosts).listen(6379)).toThrow(NetError);
    expect(await code(a.api(noHosts).connect('localhost', 6379, signal))).toBe('ok');
  });

  it('keeps loopback per namespace: 127.0.0.1 is the caller itself', async () => {
    const stack = new NetStack();
    const a = container(stack, 'a', '172.17.0.2');
    const b = container(stack, 'b', '172.17.0.3');
    b.api(noHosts).listen(80);
    expect(await code(a.api(noHosts).connect('127.0.0.1', 80, signal))).toBe('ECONNREFUSED');
  });

  it('isolates bridges from each other but lets the host reach both', async () => {
    const stack = new NetStack();
    const a = container(stack, 'a', '172.17.0.2');
    const other = container(stack, 'o', '172.18.0.2');
    other.api(noHosts).listen(80);
    expect(await code(a.api(noHosts).connect('172.18.0.2', 80, signal))).toBe('ETIMEDOUT');
    expect(a.api(noHosts).ping('172.18.0.2').reachable).toBe(false);
    expect(await code(stack.host.api(noHosts).connect('172.18.0.2', 80, signal))).toBe('ok');
  });

  it('forwards a published host port to the container, which sees the gateway as the client', async () => {
    const stack = new NetStack();
    const web = container(stack, 'web', '172.17.0.2');
    const l = web.api(noHosts).listen(80);
    stack.host.forwards.set(8080, { hostIp: '0.0.0.0', hostPort: 8080, targetIp: '172.17.0.2', targetPort: 80, via: '172.17.0.1' });
    await stack.host.api(noHosts).connect('localhost', 8080, signal);
    expect((await l.accept(signal)).remoteAddress).toBe('172.17.0.1');
    expect(await code(stack.host.api(noHosts).connect('localhost', 8081, signal))).toBe('ECONNREFUSED');
  });

  it('resets a forwarded connection when the server listens on 127.0.0.1 only (Flask)', async () => {
    const stack = new NetStack();
    const app = container(stack, 'app', '172.17.0.2');
    app.api(noHosts).listen(5000, { address: '127.0.0.1' });
    stack.host.forwards.set(5000, { hostIp: '0.0.0.0', hostPort: 5000, targetIp: '172.17.0.2', targetPort: 5000, via: '172.17.0.1' });
    expect(await code(stack.host.api(noHosts).connect('localhost', 5000, signal))).toBe('ECONNRESET');
    expect(await code(app.api(noHosts).connect('127.0.0.1', 5000, signal))).toBe('ok');
  });

  it('resolves through /etc/hosts first, then the embedded DNS; nslookup asks only the DNS', () => {
    const stack = new NetStack();
    const a = container(stack, 'a', '172.18.0.3');
    a.dns = (n) => (n === 'db' ? '172.18.0.2' : undefined);
    const api = a.api(hosts('127.0.0.1\tlocalhost\n172.17.0.5\talias abc h1\n'));
    expect(api.resolve('alias')).toBe('172.17.0.5');
    expect(api.resolve('db')).toBe('172.18.0.2');
    expect(api.resolve('nope')).toBeUndefined();
    expect(api.dnsQuery?.('alias')).toBeUndefined();
    expect(api.dnsQuery?.('db')).toBe('172.18.0.2');
  });

  it('fails a name nobody knows with ENOTFOUND (curl 6)', async () => {
    const stack = new NetStack();
    const a = container(stack, 'a', '172.17.0.2');
    expect(await code(a.api(noHosts).connect('nowhere', 80, signal))).toBe('ENOTFOUND');
  });
});
