/**
 * `RUN --mount=…`: what BuildKit lets a RUN see without putting it in the layer.
 * - `type=cache`: a directory kept by the builder between builds (same `id`, or the same target),
 *   so package and module caches survive a rebuild; it never enters the image.
 * - `type=bind` (the default type): files of the build context (or `source=` inside it), read-only
 *   unless `rw` (writes are then thrown away).
 * - `type=tmpfs`: an empty in-memory directory.
 * Simulated: cache directories live on the host under /var/lib/docker/buildkit/cache, a context
 * bind is a copy under /var/lib/docker/buildkit/context removed after the step; both are bind
 * mounts of the step's container. Left out: `from=` (another stage or image), secret and ssh.
 */
import type { Fs } from '../../api/fs';
import type { BuildContext } from './context';
import { sha256hex } from '../../lib/hash';

export interface RunMount {
  type: 'cache' | 'bind' | 'tmpfs';
  target: string;
  source: string;
  id?: string;
  readonly: boolean;
}

const ROOT = '/var/lib/docker/buildkit';

/** Parse the `--mount=` flags of a RUN; throws a message for what BuildKit refuses. */
export function parseRunMounts(flags: string[]): RunMount[] {
  const out: RunMount[] = [];
  for (const f of flags) {
    if (!f.startsWith('--mount=')) continue;
    const m: Partial<RunMount> & { from?: string; rawType?: string } = {};
    let rw = false;
    let ro = false;
    for (const field of f.slice(8).split(',')) {
      const eq = field.indexOf('=');
      const k = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
      const v = eq < 0 ? '' : field.slice(eq + 1);
      switch (k) {
        case 'type': m.rawType = v; break;
        case 'target': case 'dst': case 'destination': m.target = v; break;
        case 'source': case 'src': m.source = v; break;
        case 'id': m.id = v; break;
        case 'from': m.from = v; break;
        case 'rw': case 'readwrite': rw = v === '' || v === 'true'; break;
        case 'ro': case 'readonly': ro = v === '' || v === 'true'; break;
        case 'sharing': case 'mode': case 'uid': case 'gid': case 'required': case 'size': case 'env': break;
        default: throw new Error(`unexpected key '${k}' in '${field}'`);
      }
    }
    const type = m.rawType ?? 'bind';
    if (type === 'secret' || type === 'ssh') throw new Error(`--mount=type=${type} is not simulated in Docker Lab; try it on a real Docker machine`);
    if (type !== 'cache' && type !== 'bind' && type !== 'tmpfs') throw new Error(`unsupported mount type "${type}"`);
    if (!m.target) throw new Error('mount target is required');
    if (m.from) throw new Error('--mount from= another stage or image is not simulated in Docker Lab; COPY --from instead');
    out.push({ type, target: m.target.startsWith('/') ? m.target : `/${m.target}`, source: m.source ?? '', id: m.id, readonly: type === 'bind' ? !rw : ro });
  }
  return out;
}

/** Host directories for the mounts and the HostConfig that mounts them; `done` removes the copies. */
export function prepareRunMounts(mounts: RunMount[], hostFs: Fs, ctx: BuildContext, step: string): { hostConfig: Record<string, unknown>; done: () => void } {
  const binds: { Type: string; Source: string; Target: string; ReadOnly: boolean }[] = [];
  const tmpfs: Record<string, string> = {};
  const copies: string[] = [];
  mounts.forEach((m, i) => {
    if (m.type === 'tmpfs') {
      tmpfs[m.target] = '';
      return;
    }
    if (m.type === 'cache') {
      const dir = `${ROOT}/cache/${sha256hex(m.id ?? m.target).slice(0, 25)}`;
      hostFs.mkdir(dir, { recursive: true });
      binds.push({ Type: 'bind', Source: dir, Target: m.target, ReadOnly: m.readonly });
      return;
    }
    const src = m.source.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    const dir = `${ROOT}/context/${sha256hex(step).slice(0, 12)}-${i}`;
    const entry = ctx.get(src);
    if (!entry) throw new Error(`failed to calculate checksum of ref: "/${src}": not found`);
    hostFs.mkdir(dir, { recursive: true });
    copies.push(dir);
    const place = (rel: string, at: string) => {
      const f = ctx.get(rel)!;
      if (f.kind === 'dir') {
        hostFs.mkdir(at, { recursive: true });
        for (const k of ctx.keys()) if (k && k !== rel && (rel === '' || k.startsWith(rel + '/')) && !k.slice(rel ? rel.length + 1 : 0).includes('/')) place(k, `${at}/${k.split('/').pop()}`);
      } else if (f.kind === 'symlink') hostFs.symlink(f.target ?? '', at);
      else hostFs.writeFile(at, f.data, { mode: f.mode, ...(f.size !== undefined ? { size: f.size } : {}) });
    };
    // A file is mounted as a file: copy it beside, bind the file itself.
    if (entry.kind === 'dir') {
      place(src, `${dir}/root`);
      binds.push({ Type: 'bind', Source: `${dir}/root`, Target: m.target, ReadOnly: m.readonly });
    } else {
      place(src, `${dir}/file`);
      binds.push({ Type: 'bind', Source: `${dir}/file`, Target: m.target, ReadOnly: m.readonly });
    }
  });
  return {
    hostConfig: { Mounts: binds, ...(Object.keys(tmpfs).length ? { Tmpfs: tmpfs } : {}) },
    done: () => {
      const remove = (p: string) => {
        const st = hostFs.lstat(p);
        if (st.kind === 'dir') {
          for (const n of hostFs.readdir(p)) remove(`${p}/${n}`);
          hostFs.rmdir(p);
        } else hostFs.unlink(p);
      };
      for (const d of copies) {
        try {
          remove(d);
        } catch {
          /* already gone */
        }
      }
    },
  };
}
