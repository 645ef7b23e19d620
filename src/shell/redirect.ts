/**
 * Redirections open files through the process's Fs and stand in for file descriptors with
 * streams. A few device paths are handled here, as the kernel would: /dev/null, /dev/stdin,
 * /dev/stdout, /dev/stderr and /dev/fd/N, so they work even in an image that lacks /dev nodes.
 */
import type { Redir } from './ast';
import type { Shell, Stream } from './shell';
import { isFsError } from '../api/fs';
import type { ReadStream, WriteStream } from '../engine/process/types';
import { toBytes } from '../engine/process/pipe';

export class RedirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedirError';
  }
}

export const nullWriter = (): WriteStream => ({ isTTY: false, write: async () => {}, close() {} });

/** A reader that yields one buffer and then end of file (files, here-documents, here-strings). */
export function bytesReader(data: Uint8Array | string): ReadStream {
  let bytes: Uint8Array | null = toBytes(data);
  return {
    isTTY: false,
    async read(signal) {
      if (signal?.aborted) throw signal.reason;
      const b = bytes;
      bytes = null;
      return b && b.length ? b : null;
    },
    close() {
      bytes = null;
    },
  };
}

/** Appends each write to the file, so readers (`tail -f`, `cat`) see output as it is produced. */
function fileWriter(sh: Shell, path: string): WriteStream {
  return {
    isTTY: false,
    async write(chunk) {
      sh.fs.writeFile(path, toBytes(chunk), { append: true });
    },
    close() {},
  };
}

function device(sh: Shell, path: string, fds: Map<number, Stream>): Stream | 'null' | undefined {
  if (path === '/dev/null') return 'null';
  const m = /^\/dev\/(?:fd\/(\d+)|(stdin|stdout|stderr))$/.exec(path);
  if (!m) return undefined;
  const fd = m[1] !== undefined ? Number(m[1]) : ['stdin', 'stdout', 'stderr'].indexOf(m[2]);
  void sh;
  return fds.get(fd);
}

function fsMessage(e: unknown, path: string, sh?: Shell, mode: 'open' | 'create' = 'open'): string {
  if (!isFsError(e)) throw e;
  // dash and BusyBox ash word a failed redirection their own way (bash: "path: message").
  const flavour = sh?.flavour.name;
  if (flavour === 'dash') {
    const msg = e.code === 'ENOENT' ? (mode === 'create' ? 'Directory nonexistent' : 'No such file') : e.message;
    return `cannot ${mode} ${path}: ${msg}`;
  }
  if (flavour === 'ash') return mode === 'create' ? `can't create ${path}: ${e.message}` : `can't open '${path}': ${e.message}`;
  return `${path}: ${e.message}`;
}

/** Apply redirections to a copy of the descriptor table; returns the new table. */
export async function applyRedirs(sh: Shell, redirs: Redir[], fds: Map<number, Stream>): Promise<Map<number, Stream>> {
  for (const r of redirs) {
    const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
    if (r.op === '<<' || r.op === '<<-') {
      const body = r.heredoc ?? { parts: [] };
      const text = body.parts.length === 1 && body.parts[0].type === 'sq' ? body.parts[0].text : await sh.expander.string(body, 'none');
      fds.set(fd, bytesReader(text));
      continue;
    }
    const target = await sh.expander.string(r.target);
    if (r.op === '<<<') {
      fds.set(fd, bytesReader(target + '\n'));
      continue;
    }
    if (r.op === '<&' || (r.op === '>&' && (/^\d+$/.test(target) || target === '-'))) {
      if (target === '-') {
        fds.delete(fd);
        continue;
      }
      const src = fds.get(Number(target));
      if (!src) throw new RedirError(`${target}: Bad file descriptor`);
      fds.set(fd, src);
      continue;
    }
    if (target === '' && r.target.parts.length) throw new RedirError(`${sh.flavour.name === 'bash' ? '' : ''}: No such file or directory`);
    const both = r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === undefined);
    const dev = device(sh, target, fds);
    if (r.op === '<' || r.op === '<>') {
      if (dev === 'null') fds.set(fd, bytesReader(''));
      else if (dev) fds.set(fd, dev);
      else {
        try {
          const st = sh.fs.stat(target);
          if (st.kind === 'dir' && r.op === '<') {
            // Opening a directory for reading succeeds; reading it fails (cat: -: Is a directory).
            fds.set(fd, bytesReader(''));
          } else fds.set(fd, bytesReader(sh.fs.readFile(target)));
        } catch (e) {
          throw new RedirError(fsMessage(e, target, sh, 'open'));
        }
      }
      continue;
    }
    let w: Stream;
    if (dev === 'null') w = nullWriter();
    else if (dev) w = dev;
    else {
      const append = r.op === '>>' || r.op === '&>>';
      try {
        if (r.op === '>' && sh.opts.noclobber && sh.fs.exists(target) && sh.fs.stat(target).kind === 'file') {
          throw new RedirError(`${target}: cannot overwrite existing file`);
        }
        if (sh.fs.exists(target) && sh.fs.stat(target).kind === 'dir') throw new RedirError(`${target}: Is a directory`);
        sh.fs.writeFile(target, new Uint8Array(0), { append, mode: 0o666 & ~sh.umask });
      } catch (e) {
        if (e instanceof RedirError) throw e;
        throw new RedirError(fsMessage(e, target, sh, 'create'));
      }
      w = fileWriter(sh, target);
    }
    fds.set(fd, w);
    if (both) fds.set(2, w);
  }
  return fds;
}
