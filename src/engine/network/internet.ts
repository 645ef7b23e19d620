/**
 * A tiny simulated internet: the few downloads the notes' Dockerfiles make, served over the same
 * sockets as everything else. Real concept: DNS resolves a public name, the bridge NATs the
 * connection out, a web server answers. Simulated: a name table, one address per site, and an
 * in-process HTTP server that answers known paths (404 otherwise). HTTPS is plain HTTP here.
 *
 * What it serves: GitHub release tarballs of ipinfo (note 002's layers example), Redis source
 * tarballs from download.redis.io (notes 003 and 004: the seven-RUN versus one-RUN build, compiled
 * by `make` into the simulator's redis programs), and get.docker.com's install script (note 001).
 * The files are small; `reportedSize` gives the size the real download has, which wget and curl
 * give the saved file so layer sizes look like the notes'. Left out: redirects, TLS, other sites.
 */
import { socketPair } from './socket-pair';
import type { Socket } from '../process/types';
import { writeTar, PAX_VSIZE, type TarEntry } from '../../lib/tar';
import { gzip } from '../programs/lib/gzip';
import { programMarker } from '../programs/registry';

const enc = new TextEncoder();
const dec = new TextDecoder();

interface Download {
  body: () => Uint8Array;
  type: string;
  /** Bytes the real file has. */
  size: number;
}

const SITES: Record<string, string> = {
  'github.com': '140.82.121.4',
  'download.redis.io': '45.60.121.1',
  'get.docker.com': '18.172.64.86',
};

const T0 = Date.UTC(2021, 5, 1);

function file(name: string, data: string | Uint8Array, mode = 0o644, vsize?: number): TarEntry {
  return { name, type: 'file', mode, uid: 0, gid: 0, mtime: T0, data: typeof data === 'string' ? enc.encode(data) : data, ...(vsize ? { pax: { [PAX_VSIZE]: String(vsize) } } : {}) };
}

function dir(name: string): TarEntry {
  return { name: name.endsWith('/') ? name : name + '/', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: T0 };
}

const cache = new Map<string, Uint8Array>();
function once(key: string, make: () => Uint8Array): Uint8Array {
  let b = cache.get(key);
  if (!b) cache.set(key, (b = make()));
  return b;
}

function ipinfoTarball(version: string): Uint8Array {
  return once(`ipinfo-${version}`, () => gzip(writeTar([file(`ipinfo_${version}_linux_amd64`, programMarker('ipinfo', `version=${version}\n`), 0o755, 9_360_000)]), T0 / 1000));
}

const REDIS_OBJECTS = 'adlist quicklist ae anet dict server sds zmalloc lzf pqsort zipmap sha1 ziplist release networking util object db replication rdb t_string t_list t_set t_zset t_hash config aof pubsub multi debug sort intset syncio cluster crc16 endianconv slowlog scripting bio rio rand memtest crc64 bitops sentinel notify setproctitle blocked hyperloglog latency sparkline redis-check-rdb redis-check-aof geo lazyfree module evict expire geohash geohash_helper childinfo defrag siphash rax t_stream listpack localtime lolwut lolwut5';

function redisTarball(version: string): Uint8Array {
  return once(`redis-${version}`, () => {
    const top = `redis-${version}`;
    const src = [
      '# Redis Makefile',
      '# Docker Lab: the simulator cannot compile C. "Linking" copies the simulator\'s redis programs',
      '# from .prebuilt/, so the redis-server you build here really runs.',
      'PREFIX?=/usr/local',
      'INSTALL_BIN=$(PREFIX)/bin',
      'PROGRAMS=redis-server redis-sentinel redis-cli redis-benchmark redis-check-rdb redis-check-aof',
      '',
      'all: redis-server redis-cli redis-benchmark',
      '\t@echo ""',
      '\t@echo "Hint: It\'s a good idea to run \'make test\' ;)"',
      '\t@echo ""',
      '',
      'redis-server:',
      '\t@command -v cc >/dev/null 2>&1 || { echo "/bin/sh: 1: cc: not found"; exit 127; }',
      `\t@for o in ${REDIS_OBJECTS}; do echo "    CC $$o.o"; done`,
      '\t@echo "    LINK redis-server"; cp .prebuilt/redis-server redis-server',
      '\t@echo "    INSTALL redis-sentinel"; cp redis-server redis-sentinel',
      '\t@echo "    INSTALL redis-check-rdb"; cp redis-server redis-check-rdb',
      '\t@echo "    INSTALL redis-check-aof"; cp redis-server redis-check-aof',
      '',
      'redis-cli:',
      '\t@echo "    CC redis-cli.o"; echo "    LINK redis-cli"; cp .prebuilt/redis-cli redis-cli',
      '',
      'redis-benchmark:',
      '\t@echo "    CC redis-benchmark.o"; echo "    LINK redis-benchmark"; cp .prebuilt/redis-benchmark redis-benchmark',
      '',
      'install: all',
      '\t@mkdir -p $(INSTALL_BIN)',
      '\t@for p in $(PROGRAMS); do echo "    INSTALL install"; cp $$p $(INSTALL_BIN)/$$p; done',
      '',
      'clean:',
      '\trm -rf $(PROGRAMS) *.o',
      '',
      '.PHONY: all install clean',
      '',
    ].join('\n');
    const entries = [
      dir(top),
      file(`${top}/Makefile`, `# Top level makefile, the real work is done in src/Makefile\n\ndefault: all\n\nall:\n\tcd src && $(MAKE) $@\n\ninstall:\n\tcd src && $(MAKE) $@\n\n.PHONY: all install\n`),
      file(`${top}/README.md`, `This README is just a fast *quick start* document. You can find more detailed documentation at [redis.io](https://redis.io).\n\nBuilding Redis\n--------------\n\n    % make\n`, 0o644, 20_555),
      file(`${top}/redis.conf`, '# Redis configuration file example.\nbind 127.0.0.1\nprotected-mode yes\nport 6379\n', 0o644, 62_155),
      dir(`${top}/deps`),
      dir(`${top}/src`),
      file(`${top}/src/Makefile`, src),
      file(`${top}/src/server.c`, '/* Redis server: the C sources are not part of the simulation. */\n', 0o644, 180_000),
      dir(`${top}/src/.prebuilt`),
      file(`${top}/src/.prebuilt/redis-server`, programMarker('redis-server'), 0o755, 8_200_000),
      file(`${top}/src/.prebuilt/redis-cli`, programMarker('redis-cli'), 0o755, 4_500_000),
      file(`${top}/src/.prebuilt/redis-benchmark`, programMarker('redis-benchmark'), 0o755, 4_400_000),
    ];
    return gzip(writeTar(entries), T0 / 1000);
  });
}

const GET_DOCKER = `#!/bin/sh
set -e
# Docker CE for Linux installation script (get.docker.com), as served by Docker Lab's simulated
# internet. This machine already has Docker Engine 28.5, so the script stops where the real one
# warns about an existing installation.
command_exists() {
\tcommand -v "$@" > /dev/null 2>&1
}
if command_exists docker; then
\tcat >&2 <<-'EOF'
\t\tWarning: the "docker" command appears to already exist on this system.

\t\tIf you already have Docker installed, this script can cause trouble, which is
\t\twhy we're displaying this warning and provide the opportunity to cancel the
\t\tinstallation.

\t\tIf you installed the current Docker package using this script and are using it
\t\tagain to update Docker, you can ignore this message, but be aware that the
\t\tscript resets any custom changes in the deb and rpm repo configuration
\t\tfiles to match the parameters passed to the script.

\t\tYou may press Ctrl+C now to abort this script.
\tEOF
\t( set -x; sleep 20 )
\techo "# Docker Lab: Docker is already installed here; nothing else to do."
\texit 0
fi
echo "# Executing docker install script, commit: 53a22f61c0628e58e1d6680b49e82993d304b449"
echo "ERROR: Docker Lab has no package repositories for docker-ce." >&2
exit 1
`;

/** The download at a URL's host and path, if the simulated internet has it. */
function lookup(host: string, path: string): Download | undefined {
  const p = path.split('?')[0];
  if (host === 'github.com') {
    const m = /^\/ipinfo\/cli\/releases\/download\/ipinfo-([\d.]+)\/ipinfo_\1_linux_amd64\.tar\.gz$/.exec(p);
    if (m) return { body: () => ipinfoTarball(m[1]), type: 'application/octet-stream', size: 4_850_000 };
  }
  if (host === 'download.redis.io') {
    const m = /^\/releases\/redis-(\d+\.\d+\.\d+)\.tar\.gz$/.exec(p);
    if (m) return { body: () => redisTarball(m[1]), type: 'application/octet-stream', size: m[1].startsWith('3.') ? 1_541_401 : 1_959_445 };
  }
  if (host === 'get.docker.com' && (p === '/' || p === '')) return { body: () => enc.encode(GET_DOCKER), type: 'text/plain; charset=utf-8', size: GET_DOCKER.length };
  return undefined;
}

/** A public name's address, or undefined (the simulated internet knows only its sites). */
export function internetAddress(name: string): string | undefined {
  return SITES[name.toLowerCase().replace(/\.$/, '')];
}

export function isInternetAddress(ip: string): boolean {
  return Object.values(SITES).includes(ip);
}

/** The size the real file at this URL has (the simulated one is a small stand-in). */
export function reportedSize(host: string, path: string): number | undefined {
  return lookup(host.toLowerCase(), path)?.size;
}

/** A download as ADD <url> fetches it (the builder is outside any container's network). */
export function fetchInternet(url: string): { body: Uint8Array; size: number; name: string } | undefined {
  const m = /^https?:\/\/([^/:]+)(?::\d+)?(\/[^?#]*)?/.exec(url);
  if (!m) return undefined;
  const dl = lookup(m[1].toLowerCase(), m[2] ?? '/');
  if (!dl) return undefined;
  return { body: dl.body(), size: dl.size, name: (m[2] ?? '/').split('/').filter(Boolean).pop() ?? 'index.html' };
}

/** Answer one HTTP/1.1 request on a server-side socket, then close it. */
export async function serveInternet(ip: string, sock: Socket): Promise<void> {
  const host = Object.keys(SITES).find((h) => SITES[h] === ip) ?? ip;
  try {
    let head = '';
    while (!head.includes('\r\n\r\n')) {
      const chunk = await sock.input.read();
      if (!chunk) break;
      head += dec.decode(chunk);
    }
    const [method = 'GET', path = '/'] = head.split('\r\n')[0].split(' ');
    const dl = lookup(host, path);
    const body = dl ? dl.body() : enc.encode('Not Found\n');
    const status = dl ? '200 OK' : '404 Not Found';
    const headers = `HTTP/1.1 ${status}\r\nContent-Type: ${dl?.type ?? 'text/plain; charset=utf-8'}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    await sock.output.write(enc.encode(headers));
    if (method !== 'HEAD') await sock.output.write(body);
  } finally {
    sock.close();
  }
}

/** A connected pair whose server side the simulated internet answers. */
export function connectInternet(ip: string, port: number, localAddress: string, localPort: number): Socket {
  const { client, server } = socketPair({ address: localAddress, port: localPort }, { address: ip, port });
  void serveInternet(ip, server).catch(() => undefined);
  return client;
}
