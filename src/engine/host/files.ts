/**
 * What the page's editor, file list and browser pane ask of the host: files read and written as
 * the learner (so permissions apply, as in an editor the learner runs), the learner's folder as a
 * tree, and an HTTP request made from the host's network namespace (what `curl` on the host sees).
 */
import type { Fs } from '../fs/types';
import type { NetApi } from '../process/types';
import { parseUrl, request } from '../programs/net/http';
import { NetError } from '../process/types';

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

export async function httpGet(net: NetApi, url: string): Promise<PageResponse> {
  const u = parseUrl(url);
  if (!u) return { url, error: `Invalid address: ${url}` };
  if (u.scheme !== 'http') return { url, error: `Only http:// addresses of this machine can be opened (${u.scheme}:// needs the internet)` };
  const ac = new AbortController();
  try {
    const r = await request(net, u, { userAgent: 'Mozilla/5.0 (Docker Lab browser pane)', signal: ac.signal });
    return { url, status: r.status, statusText: r.statusText, headers: r.headers, body: new TextDecoder().decode(r.body) };
  } catch (e) {
    if (e instanceof NetError) {
      if (e.code === 'ENOTFOUND') return { url, error: `This site can't be reached: ${u.host}'s server address could not be found.` };
      return { url, error: `This site can't be reached: ${u.host} refused to connect (${e.code}).` };
    }
    return { url, error: (e as Error).message };
  }
}
