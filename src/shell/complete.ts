/**
 * Tab completion: command names (builtins, functions, aliases, executables on PATH) for the first
 * word, file paths elsewhere, and per-command argument completers (bash's `complete -F`). The
 * completers belong to a machine: its boot fills a CompletionTable and hands it to the host's
 * shells through the host services, so two machines in one process never share one (and a
 * container's shell, which has no host services, completes only commands and paths).
 */
import type { Shell } from './shell';
import { builtinFor, builtins, KEYWORDS } from './builtins';
import { X_OK, type Fs } from '../api/fs';

export interface ArgCompletionRequest {
  /** Words before the one being completed, the command name first. */
  words: string[];
  /** The (partial) word being completed. */
  current: string;
  fs: Fs;
  env: Record<string, string>;
}

/**
 * What a completer offers. `noSpace` is bash's `compopt -o nospace`: a lone candidate is inserted
 * without the space after it (`web:` in `docker cp`, `container:` after `--network`).
 */
export interface ArgCompletion {
  candidates: string[];
  noSpace?: boolean;
}

/** Return undefined to fall back to file paths (bash's `-o default`), [] to offer nothing. */
export type ArgCompleter = (req: ArgCompletionRequest) => string[] | ArgCompletion | undefined | Promise<string[] | ArgCompletion | undefined>;

/** One machine's `complete -F` table: command name → the function that completes its arguments. */
export class CompletionTable {
  private readonly byCommand = new Map<string, ArgCompleter>();
  register(command: string, fn: ArgCompleter): void {
    this.byCommand.set(command, fn);
  }
  get(command: string): ArgCompleter | undefined {
    return this.byCommand.get(command);
  }
}

export interface LineCompletion {
  start: number;
  candidates: string[];
  noSpace?: boolean;
}

export async function completeLine(sh: Shell, line: string, cursor: number): Promise<LineCompletion> {
  const before = line.slice(0, cursor);
  // Completion works on the current simple command: text after the last | ; & ( or &&/||.
  const segStart = Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&'), before.lastIndexOf('(')) + 1;
  const seg = before.slice(segStart);
  const m = /(\S*)$/.exec(seg)!;
  const current = m[1];
  const start = cursor - current.length;
  const words = commandWords(seg.slice(0, seg.length - current.length).trim().split(/\s+/).filter(Boolean));
  let candidates: string[];
  let noSpace = false;
  if (!words.length && !current.includes('/')) candidates = commandNames(sh, current);
  else {
    const fn = words.length ? sh.sys.host?.completions?.get(words[0].split('/').pop()!) : undefined;
    const raw = fn ? await fn({ words, current, fs: sh.fs, env: sh.environ() }) : undefined;
    const got = Array.isArray(raw) ? { candidates: raw } : raw;
    candidates = got ? got.candidates.filter((c) => c.startsWith(current)) : paths(sh.fs, current, !words.length);
    noSpace = !!got?.noSpace;
  }
  return { start, candidates: [...new Set(candidates)].sort(), ...(noSpace ? { noSpace } : {}) };
}

const SUDO_VALUE_OPTS = new Set(['-u', '-g', '-p', '-C', '-D', '-r', '-t', '-U']);

/**
 * The words of the command being completed: bash skips leading assignments (`FOO=1 docker …`) to
 * find the command name, and bash-completion's `_sudo` completes what follows `sudo [options]` as
 * a command line of its own (`sudo docker stop <Tab>`).
 */
function commandWords(words: string[]): string[] {
  let i = 0;
  for (;;) {
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) i++;
    if (words[i] !== 'sudo') break;
    i++;
    while (i < words.length && words[i].startsWith('-')) i += SUDO_VALUE_OPTS.has(words[i]) ? 2 : 1;
  }
  return words.slice(i);
}

function commandNames(sh: Shell, prefix: string): string[] {
  const out = new Set<string>();
  const add = (n: string) => n.startsWith(prefix) && out.add(n);
  for (const n of builtins.keys()) if (builtinFor(sh, n)) add(n);
  for (const n of KEYWORDS) add(n);
  for (const n of sh.funcs.keys()) add(n);
  for (const n of sh.aliases.keys()) add(n);
  for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
    if (!dir) continue;
    let names: string[];
    try {
      names = sh.fs.readdir(dir);
    } catch {
      continue;
    }
    for (const n of names) if (n.startsWith(prefix) && sh.fs.access(dir + '/' + n, X_OK)) out.add(n);
  }
  return [...out];
}

/** File names under the word's directory; directories end in `/` (bash's `_filedir`). */
export function paths(fs: Fs, current: string, executablesOnly: boolean): string[] {
  const slash = current.lastIndexOf('/');
  const dirPart = slash >= 0 ? current.slice(0, slash + 1) : '';
  const base = slash >= 0 ? current.slice(slash + 1) : current;
  const home = dirPart.startsWith('~') ? undefined : dirPart;
  let names: string[];
  try {
    names = fs.readdir(home === '' || home === undefined ? '.' : home);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    if (!n.startsWith(base) || (n.startsWith('.') && !base.startsWith('.'))) continue;
    const full = dirPart + n;
    let isDir = false;
    try {
      isDir = fs.stat(full || '.').kind === 'dir';
    } catch {
      /* dangling symlink: complete it as a file */
    }
    if (executablesOnly && !isDir && !fs.access(full, X_OK)) continue;
    out.push(isDir ? full + '/' : full);
  }
  return out;
}
