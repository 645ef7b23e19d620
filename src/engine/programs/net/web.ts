/**
 * curl and wget (GNU, and BusyBox's with `busybox: true`): fetch a URL over the simulated network
 * and report failures in each tool's own words and exit codes (curl: 6 resolve, 7 connect, 22
 * with -f; wget: 4 network, 8 server error).
 */
import { NetError, type ProgramContext } from '../../process/types';
import { header, parseUrl, request, type HttpResponse } from './http';
import { deviceAt } from '../lib/devices';
import { concatBytes } from '../../../lib/bytes';
import { internetAddress, reportedSize } from '../../network/internet';

const dec = new TextDecoder();
const enc = new TextEncoder();

/** curl's long options, each under the short letter it shares (or its own name where it has none). */
const CURL_LONG: Record<string, string> = {
  silent: 's', 'show-error': 'S', include: 'i', head: 'I', fail: 'f', location: 'L', output: 'o', 'write-out': 'w',
  'remote-name': 'O', request: 'X', data: 'd', 'data-raw': 'd', 'data-binary': 'd', header: 'H', 'user-agent': 'A',
  'max-time': 'm', 'connect-timeout': 'connect-timeout', retry: 'retry', verbose: 'v', compressed: 'compressed', insecure: 'k',
};
const CURL_SHORT = new Set('sSiIfLvkOoXdHAmw');
/** The options that take a value. */
const CURL_VALUED = new Set(['o', 'X', 'd', 'H', 'A', 'm', 'w', 'connect-timeout', 'retry']);

export async function curl(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let silent = false;
  let showErr = false;
  let include = false;
  let head = false;
  let fail = false;
  let follow = false;
  let output: string | undefined;
  let remoteName = false;
  let writeOut: string | undefined;
  let method: string | undefined;
  let data: string | undefined;
  const headers: [string, string][] = [];
  let url: string | undefined;
  const apply = (key: string, v: string | undefined) => {
    if (key === 's') silent = true;
    else if (key === 'S') showErr = true;
    else if (key === 'i') include = true;
    else if (key === 'I') head = true;
    else if (key === 'f') fail = true;
    else if (key === 'L') follow = true;
    else if (key === 'O') remoteName = true;
    else if (key === 'o') output = v;
    else if (key === 'w') writeOut = v;
    else if (key === 'X') method = v;
    else if (key === 'd') data = v;
    else if (key === 'H') headers.push(splitHeader(v ?? ''));
    else if (key === 'A') headers.push(['User-Agent', v ?? '']);
    // -v, -k, --compressed, -m and the timeouts are read and change nothing here.
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      await ctx.stdout.write('Usage: curl [options...] <url>\n -d, --data <data>           HTTP POST data\n -f, --fail                  Fail fast with no output on HTTP errors\n -h, --help <category>       Get help for commands\n -i, --include               Include protocol response headers in the output\n -o, --output <file>         Write to file instead of stdout\n -O, --remote-name           Write output to a file named as the remote file\n -s, --silent                Silent mode\n -T, --upload-file <file>    Transfer local FILE to destination\n -u, --user <user:password>  Server user and password\n -A, --user-agent <name>     Send User-Agent <name> to server\n -v, --verbose               Make the operation more talkative\n -V, --version               Show version number and quit\n');
      return 0;
    }
    if (a === '--version' || a === '-V') {
      await ctx.stdout.write('curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7\nRelease-Date: 2023-12-06\nProtocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp\nFeatures: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd\n');
      return 0;
    }
    const unknown = async (opt: string) => {
      await ctx.stderr.write(`curl: option ${opt}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
      return 2;
    };
    if (a.startsWith('--')) {
      const key = CURL_LONG[a.slice(2)];
      if (!key) return unknown(a);
      apply(key, CURL_VALUED.has(key) ? args[++i] : undefined);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (!CURL_SHORT.has(c)) return unknown(`-${c}`);
        if (!CURL_VALUED.has(c)) {
          apply(c, undefined);
          continue;
        }
        // A value is the rest of the word (`-o/tmp/x`) or the next argument.
        apply(c, j + 1 < a.length ? a.slice(j + 1) : args[++i]);
        break;
      }
      continue;
    }
    url = a;
  }
  const err = async (code: number, msg: string) => {
    if (!silent || showErr) await ctx.stderr.write(`curl: (${code}) ${msg}\n`);
    // curl writes -w after a failed transfer too, with no response: %{http_code} is 000.
    if (writeOut !== undefined && url) await ctx.stdout.write(writeOutText(writeOut, { status: 0, statusText: '', httpVersion: '', headers: [], body: new Uint8Array(), head: '' } as HttpResponse, url));
    return code;
  };
  if (!url) {
    await ctx.stderr.write("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  let u = parseUrl(url);
  if (!u) return err(3, `URL rejected: Malformed input to a URL function`);
  if (u.scheme !== 'http' && u.scheme !== 'https') return err(1, `Protocol "${u.scheme}" not supported`);
  const net = ctx.sys.net;
  if (!net) return err(7, `Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`);
  let res: HttpResponse;
  for (let hops = 0; ; hops++) {
    try {
      if (u.scheme === 'https' && net.resolve(u.host) && !internetAddress(u.host) && !/^(localhost|\d+\.\d+\.\d+\.\d+)$/.test(u.host)) throw new NetError('ECONNREFUSED', 'tls');
      res = await request(net, u, {
        method: method ?? (head ? 'HEAD' : data !== undefined ? 'POST' : 'GET'),
        headers: data !== undefined && !headers.some(([k]) => k.toLowerCase() === 'content-type') ? [...headers, ['Content-Type', 'application/x-www-form-urlencoded']] : headers,
        body: data !== undefined ? enc.encode(data) : undefined,
        userAgent: 'curl/8.5.0',
        signal: ctx.signal,
      });
    } catch (e) {
      if (!(e instanceof NetError)) throw e;
      if (e.code === 'ENOTFOUND') return err(6, `Could not resolve host: ${u.host}`);
      if (e.code === 'ECONNRESET') return err(56, 'Recv failure: Connection reset by peer');
      const why = e.code === 'EHOSTUNREACH' ? 'No route to host' : e.code === 'ETIMEDOUT' ? 'Connection timed out' : "Couldn't connect to server";
      return err(7, `Failed to connect to ${u.host} port ${u.port} after 0 ms: ${why}`);
    }
    const loc = header(res, 'Location');
    if (follow && loc && res.status >= 300 && res.status < 400 && hops < 10) {
      const next = parseUrl(loc.startsWith('/') ? `${u.scheme}://${u.host}:${u.port}${loc}` : loc);
      if (next) {
        if (include || head) await out(ctx, output, enc.encode(res.head.replace(/\r?\n/g, '\r\n') + '\r\n\r\n'));
        u = next;
        continue;
      }
    }
    break;
  }
  if (fail && res.status >= 400) return err(22, `The requested URL returned error: ${res.status}`);
  const chunks: Uint8Array[] = [];
  if (include || head) chunks.push(enc.encode(res.head.replace(/\r?\n/g, '\r\n') + '\r\n\r\n'));
  if (!head) chunks.push(res.body);
  const file = output ?? (remoteName ? u.path.split('/').filter(Boolean).pop() || 'index.html' : undefined);
  const size = (res.status === 200 && reportedSize(u.host, u.path)) || res.body.length;
  if (file && !silent) await ctx.stderr.write(progress(size));
  try {
    await out(ctx, file, concatBytes(chunks), size);
  } catch {
    return err(23, `Failure writing output to destination, passed ${res.body.length} returned 0`);
  }
  if (writeOut !== undefined) await ctx.stdout.write(writeOutText(writeOut, res, `${u.scheme}://${u.host}${u.port === (u.scheme === "https" ? 443 : 80) ? "" : `:${u.port}`}${u.path}`));
  return 0;
}

/** `-w`: curl's %{variables} and backslash escapes. */
function writeOutText(fmt: string, res: HttpResponse, url: string): string {
  const vars: Record<string, string> = {
    http_code: String(res.status).padStart(3, '0'), response_code: String(res.status).padStart(3, '0'),
    size_download: String(res.body.length), content_type: header(res, 'Content-Type') ?? '', url_effective: url,
    time_total: '0.001234', num_redirects: '0', scheme: url.startsWith('https') ? 'HTTPS' : 'HTTP',
  };
  return fmt.replace(/%\{(\w+)\}|\\([nrt\\])/g, (m, v: string | undefined, esc: string | undefined) =>
    v !== undefined ? (vars[v] ?? '') : esc === 'n' ? '\n' : esc === 'r' ? '\r' : esc === 't' ? '\t' : '\\');
}

function progress(n: number): string {
  const size = n < 1000 ? String(n) : `${(n / 1000).toFixed(0)}k`;
  return `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100 ${size.padStart(5)}  100 ${size.padStart(5)}    0     0   ${size.padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${size.padStart(5)}\n`;
}

function splitHeader(h: string): [string, string] {
  const i = h.indexOf(':');
  return i < 0 ? [h, ''] : [h.slice(0, i).trim(), h.slice(i + 1).trim()];
}

async function out(ctx: ProgramContext, file: string | undefined, data: Uint8Array, size?: number): Promise<void> {
  if (file && deviceAt(ctx, file) === 'null') return;
  // A download from the simulated internet is a small stand-in that reports the real file's size.
  if (file && file !== '-') ctx.fs.writeFile(file, data, size !== undefined && size !== data.length ? { size } : {});
  else await ctx.stdout.write(data);
}

/** wget: GNU's messages, or BusyBox's shorter ones. */
export async function wget(ctx: ProgramContext, busybox = false): Promise<number> {
  const args = ctx.argv.slice(1);
  let quiet = false;
  let output: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-O' || a === '--output-document') output = args[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '-qO-' || a === '-qO') {
      quiet = true;
      output = a === '-qO-' ? '-' : args[++i];
    } else if (a.startsWith('--output-document=')) output = a.slice(18);
    else if (a.startsWith('-') && a !== '-') continue;
    else url = a;
  }
  if (!url) {
    await ctx.stderr.write(busybox ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n' : "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  const u = parseUrl(url);
  const net = ctx.sys.net;
  if (!u) {
    await ctx.stderr.write(busybox ? `wget: not an http or ftp url: ${url}
` : `${url}: Invalid URL
`);
    return 1;
  }
  const ip = net?.resolve(u.host);
  const file = output ?? (u.path.split('/').filter(Boolean).pop() || 'index.html');
  const note = (s: string) => (quiet ? Promise.resolve() : ctx.stderr.write(s));
  if (!ip) {
    if (busybox) await ctx.stderr.write(`wget: bad address '${u.host}'\n`);
    else await ctx.stderr.write(`${quiet ? '' : `--${stamp(ctx)}--  ${url}\nResolving ${u.host} (${u.host})... failed: Name or service not known.\n`}wget: unable to resolve host address ‘${u.host}’\n`);
    return busybox ? 1 : 4;
  }
  if (busybox) await note(`Connecting to ${u.host}${u.port !== 80 ? `:${u.port}` : ''} (${ip}:${u.port})\n`);
  else await note(`--${stamp(ctx)}--  ${url}\nResolving ${u.host} (${u.host})... ${ip}\nConnecting to ${u.host} (${u.host})|${ip}|:${u.port}... `);
  let res: HttpResponse;
  try {
    res = await request(net!, u, { userAgent: busybox ? 'Wget' : 'Wget/1.21.4', signal: ctx.signal });
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    if (busybox) await ctx.stderr.write(`wget: can't connect to remote host (${ip}): Connection refused\n`);
    else await ctx.stderr.write(`${quiet ? '' : 'failed: Connection refused.\n'}`);
    return busybox ? 1 : 4;
  }
  if (res.status >= 400) {
    if (busybox) await ctx.stderr.write(`wget: server returned error: HTTP/1.1 ${res.status} ${res.statusText}\n`);
    else await note(`connected.\nHTTP request sent, awaiting response... ${res.status} ${res.statusText}\n${stamp(ctx)} ERROR ${res.status}: ${res.statusText}.\n\n`);
    return busybox ? 1 : 8;
  }
  const size = reportedSize(u.host, u.path) ?? res.body.length;
  if (busybox) await note(`${file === '-' ? 'writing to stdout' : `saving to '${file}'`}\n`);
  else await note(`connected.\nHTTP request sent, awaiting response... ${res.status} ${res.statusText}\nLength: ${size}${size >= 1024 ? ` (${wgetSize(size)})` : ''} [${(header(res, 'Content-Type') ?? 'text/plain').split(';')[0]}]\nSaving to: ‘${file === '-' ? 'STDOUT' : file}’\n\n`);
  if (file === '-') await ctx.stdout.write(res.body);
  else await out(ctx, file, res.body, size);
  if (busybox) await note(`${(file === '-' ? '-' : file).padEnd(20)} 100% |********************************| ${(size >= 1024 ? wgetSize(size) : String(size)).padStart(5)}  0:00:00 ETA\n${file === '-' ? 'written to stdout' : `'${file}' saved`}\n`);
  else await note(`${(file === '-' ? '-' : file).padEnd(20)}100%[===================>] ${(size >= 1024 ? wgetSize(size) : String(size)).padStart(7)}  --.-KB/s    in 0s      \n\n${stamp(ctx)} (${(size / 1000).toFixed(2)} MB/s) - ${file === '-' ? 'written to stdout' : `‘${file}’ saved`} [${size}/${size}]\n\n`);
  void dec;
  return 0;
}

/** wget's sizes: 1024-based, one decimal (4.6M, 615K). */
function wgetSize(n: number): string {
  const units = ['K', 'M', 'G'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) (v /= 1024), i++;
  return `${v >= 10 ? Math.round(v) : v.toFixed(1)}${units[i]}`;
}

function stamp(ctx: ProgramContext): string {
  return new Date(ctx.sys.clock.now()).toISOString().replace('T', ' ').slice(0, 19);
}
