/**
 * What the page's editor, file list and browser pane ask of the host: files read and written as
 * the learner (so permissions apply, as in an editor the learner runs), the learner's folder as a
 * tree, and an HTTP request made from the host's network namespace (what `curl` on the host sees).
 */
import type { Fs } from '../../api/fs';
import type { NetApi } from '../process/types';
import { parseUrl, request } from '../programs/net/http';
import { NetError } from '../process/types';
import type { Clock } from '../clock';

export interface FileNode {
  path: string;
  name: string;
  dir: boolean;
  children?: FileNode[];
}

export function readHostFile(fs: Fs, path: string): { text?: string; error?: string; missing?: boolean } {
  try {
    if (!fs.exists(path)) return { missing: true, text: '' };
    if (fs.stat(path).kind === 'dir') return { error: `${path}: Is a directory` };
    return { text: new TextDecoder().decode(fs.readFile(path)) };
  } catch (e) {
    return { error: `${path}: ${(e as Error).message}` };
  }
}

export function writeHostFile(fs: Fs, path: string, text: string): { error?: string } {
  try {
    fs.writeFile(path, text);
    return {};
  } catch (e) {
    return { error: `${path}: ${(e as Error).message}` };
  }
}

/** The folder as a tree (hidden entries and deep trees left out, as a file list shows them). */
export function listTree(fs: Fs, dir: string, depth = 3): FileNode[] {
  let names: string[] = [];
  try {
    names = fs.readdir(dir).filter((n) => !n.startsWith('.') || n === '.dockerignore').sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const path = `${dir === '/' ? '' : dir}/${name}`;
    let isDir = false;
    try {
      isDir = fs.stat(path).kind === 'dir';
    } catch {
      // a dangling link
    }
    return { path, name, dir: isDir, ...(isDir && depth > 1 ? { children: listTree(fs, path, depth - 1) } : {}) };
  });
}

export interface PageResponse {
  url: string;
  status?: number;
  statusText?: string;
  headers?: [string, string][];
  body?: string;
  error?: string;
}

/** What the browser pane may ask: GET by default; a method, headers and a body when a page needs them. */
export interface PageRequest {
  method?: string;
  headers?: [string, string][];
  body?: string;
}

/**
 * An HTTP request from the host, answered as a browser shows it: the status line, headers and body,
 * or Chrome's words for a connection that fails (refused, reset, no such host, too slow). `wait`
 * bounds the wait on the machine's clock (a browser gives up too), so a server that never answers
 * does not leave the pane loading forever.
 */
export async function httpRequest(
  net: NetApi,
  url: string,
  req: PageRequest = {},
  wait?: { clock: Clock; ms: number },
): Promise<PageResponse> {
  const u = parseUrl(url);
  if (!u) return { url, error: `Invalid address: ${url}` };
  if (u.scheme !== 'http') return { url, error: `Only http:// addresses of this machine can be opened (${u.scheme}:// needs the internet)` };
  const ac = new AbortController();
  let timedOut = false;
  const timer = wait ? wait.clock.setTimeout(() => {
    timedOut = true;
    ac.abort(new NetError('ETIMEDOUT', 'timed out'));
  }, wait.ms) : undefined;
  const reach = (why: string, code: string) => ({ url, error: `This site can't be reached: ${why} (${code})` });
  try {
    const r = await request(net, u, {
      method: req.method,
      headers: req.headers,
      body: req.body === undefined ? undefined : new TextEncoder().encode(req.body),
      userAgent: 'Mozilla/5.0 (Docker Lab browser pane)',
      signal: ac.signal,
    });
    return { url, status: r.status, statusText: r.statusText, headers: r.headers, body: new TextDecoder().decode(r.body) };
  } catch (e) {
    if (timedOut || (e instanceof NetError && e.code === 'ETIMEDOUT')) return reach(`${u.host} took too long to respond.`, 'ERR_CONNECTION_TIMED_OUT');
    if (e instanceof NetError) {
      if (e.code === 'ENOTFOUND') return reach(`${u.host}'s server IP address could not be found.`, 'ERR_NAME_NOT_RESOLVED');
      if (e.code === 'ECONNREFUSED') return reach(`${u.host} refused to connect.`, 'ERR_CONNECTION_REFUSED');
      if (e.code === 'ECONNRESET') return reach('the connection was reset.', 'ERR_CONNECTION_RESET');
      return reach(`${u.host} could not be reached.`, e.code);
    }
    return { url, error: (e as Error).message };
  } finally {
    if (timer !== undefined) wait!.clock.clearTimeout(timer);
  }
}

/** The browser pane's GET. */
export function httpGet(net: NetApi, url: string, wait?: { clock: Clock; ms: number }): Promise<PageResponse> {
  return httpRequest(net, url, {}, wait);
}
