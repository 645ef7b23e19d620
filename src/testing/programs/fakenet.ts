/**
 * A tiny in-memory NetApi for server programs' unit tests: one namespace, ports on 0.0.0.0, each
 * connection two Pipes. The real networking (../../network) routes between namespaces, publishes
 * ports and resolves names; servers only need listen/accept and a client to talk to them.
 */
import { Pipe } from '../../engine/process/pipe';
import { NetError, type Listener, type NetApi, type Socket } from '../../engine/process/types';

interface Waiter {
  resolve: (s: Socket) => void;
  reject: (e: unknown) => void;
}

class FakeListener implements Listener {
  readonly address = '0.0.0.0';
  private queue: Socket[] = [];
  private waiters: Waiter[] = [];
  closed = false;
  constructor(readonly port: number, private readonly net: FakeNet) {}

  offer(s: Socket): void {
    const w = this.waiters.shift();
    if (w) w.resolve(s);
    else this.queue.push(s);
  }

  accept(signal: AbortSignal): Promise<Socket> {
    const s = this.queue.shift();
    if (s) return Promise.resolve(s);
    return new Promise((resolve, reject) => {
      const w = { resolve, reject };
      this.waiters.push(w);
      signal.addEventListener('abort', () => reject(signal.reason ?? new Error('aborted')), { once: true });
    });
  }

  close(): void {
    this.closed = true;
    this.net.listeners.delete(this.port);
  }
}

export class FakeNet implements NetApi {
  readonly listeners = new Map<number, FakeListener>();
  private nextPort = 40000;
  /** The address servers see as the peer (docker-proxy's gateway address by default). */
  clientAddress = '172.17.0.1';

  listen(port: number): Listener {
    if (this.listeners.has(port)) throw new NetError('EADDRINUSE', 'Address already in use');
    const l = new FakeListener(port, this);
    this.listeners.set(port, l);
    return l;
  }

  async connect(_host: string, port: number): Promise<Socket> {
    const l = this.listeners.get(port);
    if (!l) throw new NetError('ECONNREFUSED', 'Connection refused');
    const up = new Pipe();
    const down = new Pipe();
    const cport = this.nextPort++;
    const closeAll = () => {
      up.writer.close();
      down.writer.close();
    };
    const client: Socket = { input: down.reader, output: up.writer, localAddress: this.clientAddress, localPort: cport, remoteAddress: '172.17.0.2', remotePort: port, close: closeAll };
    const server: Socket = { input: up.reader, output: down.writer, localAddress: '172.17.0.2', localPort: port, remoteAddress: this.clientAddress, remotePort: cport, close: closeAll };
    l.offer(server);
    return client;
  }

  resolve(name: string): string | undefined {
    return name === 'localhost' ? '127.0.0.1' : undefined;
  }

  interfaces() {
    return [];
  }

  ping() {
    return { reachable: false, rttMs: 0 };
  }
}
