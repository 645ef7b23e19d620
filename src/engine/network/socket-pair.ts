/**
 * A connected TCP pair, as a socket is two ends of one connection: what the client writes the
 * server reads and back. Closing an end closes its writing half and stops its reading.
 */
import { Pipe } from '../process/pipe';
import type { Socket } from '../process/types';

interface End {
  address: string;
  port: number;
}

export function socketPair(client: End, server: End): { client: Socket; server: Socket } {
  const up = new Pipe();
  const down = new Pipe();
  return {
    client: {
      input: down.reader, output: up.writer, localAddress: client.address, localPort: client.port, remoteAddress: server.address, remotePort: server.port,
      close: () => {
        up.writer.close();
        down.reader.close();
      },
    },
    server: {
      input: up.reader, output: down.writer, localAddress: server.address, localPort: server.port, remoteAddress: client.address, remotePort: client.port,
      close: () => {
        down.writer.close();
        up.reader.close();
      },
    },
  };
}
