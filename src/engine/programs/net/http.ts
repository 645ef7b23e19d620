/**
 * HTTP/1.1 over the simulated sockets (`ctx.sys.net`): the client side shared by curl, wget and the
 * page's browser pane, and the small server-side parser nginx uses. Real bytes on the wire: a
 * request line, headers, a blank line, a body; the response read until its Content-Length.
 */
import { NetError, type NetApi, type ReadStream, type Socket } from '../../process/types';
import { concat } from '../lib/io';

const enc = new TextEncoder();
const dec = new TextDecoder();

export interface HttpResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: [string, string][];
  body: Uint8Array;
  /** The status line and headers as received (for curl -i). */
  head: string;
}

export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

/**
 * RFC 3986's `scheme://[userinfo@]host[:port]/path`, as curl and wget read it: the scheme and host
 * are case-insensitive (`HTTP://LOCALHOST:8080/`), userinfo is not part of the host
 * (`http://user:pw@host/`), an IPv6 address is bracketed (`http://[::1]:8080/`). The simulated
 * network is IPv4 only; the IPv6 loopback reaches what listens on the IPv4 one, as dockerd
 * publishes ports on both. A port past 65535 or an empty host is malformed.
 */
export function parseUrl(raw: string): ParsedUrl | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^/?#@]*@)?(\[[0-9a-f:.]+\]|[^/:?#[\]]+)(?::(\d*))?([/?][^#]*)?(#.*)?$/i.exec(withScheme);
  if (!m) return undefined;
  const scheme = m[1].toLowerCase();
  let host = m[2].toLowerCase();
  if (host.startsWith('[')) host = host === '[::1]' ? '127.0.0.1' : host.slice(1, -1);
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!host || port > 65535) return undefined;
  const path = m[4] || '/';
  return { scheme, host, port, path: path.startsWith('?') ? '/' + path : path };
}

export function header(res: { headers: [string, string][] }, name: string): string | undefined {
  return res.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}


/** Read from a stream until the head ends (`\r\n\r\n`); returns head text and any body bytes read. */
export async function readHead(input: ReadStream, signal: AbortSignal): Promise<{ head: string; rest: Uint8Array } | undefined> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const c = await input.read(signal);
    if (!c) return undefined;
    parts.push(c);
    const all = concat(parts);
    const text = dec.decode(all);
    const i = text.indexOf('\r\n\r\n');
    if (i >= 0) {
      const headBytes = enc.encode(text.slice(0, i + 4)).length;
      return { head: text.slice(0, i), rest: all.subarray(headBytes) };
    }
  }
}

async function readBody(input: ReadStream, rest: Uint8Array, length: number | undefined, signal: AbortSignal): Promise<Uint8Array> {
  const parts = [rest];
  let n = rest.length;
  while (length === undefined || n < length) {
    const c = await input.read(signal);
    if (!c) break;
    parts.push(c);
    n += c.length;
  }
  const body = concat(parts);
  return length === undefined ? body : body.subarray(0, length);
}

export async function request(
  net: NetApi,
  url: ParsedUrl,
  opts: { method?: string; headers?: [string, string][]; body?: Uint8Array; userAgent?: string; signal: AbortSignal },
): Promise<HttpResponse> {
  const sock: Socket = await net.connect(url.host, url.port, opts.signal);
  try {
    const method = opts.method ?? 'GET';
    const hdrs: [string, string][] = [['Host', url.port === 80 ? url.host : `${url.host}:${url.port}`]];
    if (opts.userAgent) hdrs.push(['User-Agent', opts.userAgent]);
    hdrs.push(['Accept', '*/*']);
    for (const h of opts.headers ?? []) {
      const i = hdrs.findIndex(([k]) => k.toLowerCase() === h[0].toLowerCase());
      if (i >= 0) hdrs[i] = h;
      else hdrs.push(h);
    }
    if (opts.body) hdrs.push(['Content-Length', String(opts.body.length)]);
    const text = `${method} ${url.path} HTTP/1.1\r\n${hdrs.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    await sock.output.write(enc.encode(text));
    if (opts.body) await sock.output.write(opts.body);
    const h = await readHead(sock.input, opts.signal);
    if (!h) throw new NetError('ECONNREFUSED', 'Empty reply from server');
    const [statusLine, ...lines] = h.head.split('\r\n');
    const m = /^(HTTP\/[\d.]+)\s+(\d{3})\s*(.*)$/.exec(statusLine);
    if (!m) throw new NetError('ECONNREFUSED', 'Unsupported HTTP/1 subversion in response');
    const headers = lines.map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i), l.slice(i + 1).trim()] as [string, string];
    });
    const len = headers.find(([k]) => k.toLowerCase() === 'content-length');
    const body = method === 'HEAD' || m[2] === '304' || m[2] === '204' ? new Uint8Array() : await readBody(sock.input, h.rest, len ? Number(len[1]) : undefined, opts.signal);
    return { status: Number(m[2]), statusText: m[3], httpVersion: m[1], headers, body, head: h.head };
  } finally {
    sock.close();
  }
}

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 500: 'Internal Server Error', 502: 'Bad Gateway',
};

/** Server side: one request's line and headers, from an accepted socket. */
export async function readRequest(sock: Socket, signal: AbortSignal): Promise<{ method: string; path: string; version: string; headers: [string, string][]; body: Uint8Array } | undefined> {
  const h = await readHead(sock.input, signal);
  if (!h) return undefined;
  const [line, ...lines] = h.head.split('\r\n');
  const [method, path, version] = line.split(' ');
  const headers = lines.map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i), l.slice(i + 1).trim()] as [string, string];
  });
  const len = headers.find(([k]) => k.toLowerCase() === 'content-length');
  const body = len ? await readBody(sock.input, h.rest, Number(len[1]), signal) : new Uint8Array();
  return { method, path: path ?? '/', version: version ?? 'HTTP/1.0', headers, body };
}
