/**
 * What every program needs: writing to stdout/stderr, error lines prefixed with the program name
 * (as GNU's error() does), option parsing with the flavour's usage-error wording, reading whole
 * inputs (a file, or stdin for `-`), and user/group names from the fs's /etc/passwd and /etc/group.
 */
import { deviceAt, readWholeDevice } from './devices';
import type { ProgramContext } from '../../process/types';
import { isFsError, type Fs } from '../../../api/fs';
import { GNU, parseArgs, type Flavour, type OptSpec, type Parsed } from './opts';
import { readAllBytes } from '../../../lib/read-stream';

const enc = new TextEncoder();
const dec = new TextDecoder();
export const encode = (s: string): Uint8Array => enc.encode(s);
export const decode = (b: Uint8Array): string => dec.decode(b);

/** strerror text for an error thrown by the Fs (or the message of anything else). */
/**
 * A write that failed on the filesystem (a full disk: ENOSPC; a file past the simulator's size
 * limit: EFBIG). Thrown by a redirected stdout, it ends the program with coreutils' wording
 * `prog: write error: No space left on device` (the kernel prints it): rethrow it from catches.
 */
export function isWriteError(e: unknown): boolean {
  return isFsError(e) && e.syscall === 'write';
}

export function errText(e: unknown): string {
  if (isFsError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export class Io {
  constructor(
    readonly ctx: ProgramContext,
    readonly prog: string,
    readonly fl: Flavour = GNU,
  ) {}
  get fs(): Fs {
    return this.ctx.fs;
  }
  out(s: string | Uint8Array): Promise<void> {
    return this.ctx.stdout.write(s);
  }
  /** `prog: msg` on stderr. */
  err(msg: string): Promise<void> {
    return this.ctx.stderr.write(`${this.prog}: ${msg}\n`);
  }
  /** A usage error: the message, then "Try 'prog --help'…"; returns the exit status. */
  async usage(msg: string, status = 1): Promise<number> {
    await this.ctx.stderr.write(`${this.prog}: ${msg}\n${this.fl.tryHelp(this.prog)}\n`);
    return status;
  }
  /**
   * Parse options; on error or --help/--version, print and return the exit status to use.
   * `help` is the short usage text printed for --help.
   */
  async parse(spec: OptSpec, help: string, badStatus = 1, args = this.ctx.argv.slice(1)): Promise<Parsed | number> {
    const r = parseArgs(this.prog, args, spec, this.fl);
    if (!r.ok) {
      await this.ctx.stderr.write(`${r.message}\n${this.fl.tryHelp(this.prog)}\n`);
      return badStatus;
    }
    if (r.p.help) {
      await this.out(help.endsWith('\n') ? help : help + '\n');
      return 0;
    }
    if (r.p.version) {
      await this.out(this.fl.version(this.prog));
      return 0;
    }
    return r.p;
  }
  /** Whole contents of stdin. */
  readStdin(): Promise<Uint8Array> {
    return readAllBytes(this.ctx.stdin, this.ctx.signal);
  }
  /** A file's bytes, or stdin's for `-`. Throws the Fs error. */
  async readInput(name: string): Promise<Uint8Array> {
    if (name === '-') return this.readStdin();
    const dev = deviceAt(this.ctx, name);
    if (dev) return readWholeDevice(this.ctx, dev);
    return this.fs.readFile(name);
  }
  tick(): Promise<void> {
    return this.ctx.sys.tick(this.ctx.signal);
  }
  aborted(): boolean {
    return this.ctx.signal.aborted;
  }
}

import { concatBytes as concat } from '../../../lib/bytes';
export { concat };

/** A line-splitting helper that keeps whether the last line had its newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

interface DbEntry {
  name: string;
  id: number;
  gid?: number;
  home?: string;
  members?: string[];
}

function readDb(fs: Fs, path: string, group: boolean): DbEntry[] {
  let text = '';
  try {
    text = fs.readText(path);
  } catch {
    return [];
  }
  const out: DbEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 3 || !f[0]) continue;
    if (group) out.push({ name: f[0], id: Number(f[2]), members: (f[3] ?? '').split(',').filter(Boolean) });
    else out.push({ name: f[0], id: Number(f[2]), gid: Number(f[3]), home: f[5] });
  }
  return out;
}

/** Names for uids/gids, read once per program run from the process's own view of /etc. */
export class Users {
  readonly passwd: DbEntry[];
  readonly group: DbEntry[];
  constructor(fs: Fs) {
    this.passwd = readDb(fs, '/etc/passwd', false);
    this.group = readDb(fs, '/etc/group', true);
  }
  userName(uid: number): string | undefined {
    return this.passwd.find((e) => e.id === uid)?.name;
  }
  groupName(gid: number): string | undefined {
    return this.group.find((e) => e.id === gid)?.name;
  }
  user(name: string): DbEntry | undefined {
    return this.passwd.find((e) => e.name === name);
  }
  groupByName(name: string): DbEntry | undefined {
    return this.group.find((e) => e.name === name);
  }
}

export function basename(p: string): string {
  if (p === '') return '';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

export function dirname(p: string): string {
  const t = p.replace(/\/+$/, '');
  if (t === '') return p.startsWith('/') ? '/' : '.';
  const i = t.lastIndexOf('/');
  if (i < 0) return '.';
  const d = t.slice(0, i).replace(/\/+$/, '');
  return d === '' ? '/' : d;
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : dir + '/' + name;
}

/** GNU's quoting of a file name in messages: 'x' (shell-escape style, simplified). */
export function q(name: string): string {
  if (!name.includes("'")) return `'${name}'`;
  return `"${name}"`;
}

export function bool(x: unknown): x is true {
  return x === true;
}
