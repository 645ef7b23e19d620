/**
 * The build cache. BuildKit keys a step by its parent (the state it runs on), the instruction
 * (text and, for RUN, the build args it sees) and, for COPY/ADD, the content of the files it
 * copies; a step whose key is known is skipped (`CACHED`, classic ` ---> Using cache`), whatever
 * tag the build goes to. Here a record maps that key to the step's image in the store.
 *
 * Beside the records it remembers, for each parent + instruction, the last detail (file digests,
 * build args) it was built with, so a miss can say *why*: the instruction never ran on this
 * parent, or it did but the copied files or the build args changed, or `--no-cache`.
 */
import { sha256hex } from '../../lib/hash';

export interface CacheRecord {
  /** BuildKit-style record ID (25 lower-case letters and digits), as `builder prune` lists them. */
  id: string;
  imageId: string;
  /** Bytes of the layer the step added (0 for metadata steps). */
  size: number;
  created: number;
  lastUsed: number;
  usage: number;
  /** What the step's layer changed (for the pictures). */
  files: { path: string; kind: 'A' | 'C' | 'D' }[];
}

export interface BuildCacheSnapshot {
  records: [string, CacheRecord][];
  lastDetail: [string, string][];
}

export type CacheDecision =
  | { hit: true; record: CacheRecord; reason: string }
  | { hit: false; reason: string };

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function recordId(key: string): string {
  const h = sha256hex(key);
  let id = '';
  for (let i = 0; i < 25; i++) id += ALPHABET[parseInt(h.slice(i * 2, i * 2 + 2), 16) % 36];
  return id;
}

export class BuildCache {
  private readonly records = new Map<string, CacheRecord>();
  private readonly lastDetail = new Map<string, string>();

  get size(): number {
    return this.records.size;
  }

  /**
   * Look a step up. `detail` is what the instruction text does not show (file digests for
   * COPY/ADD, the build args a RUN sees); `kind` words the reason a learner reads.
   */
  decide(parent: string, instruction: string, detail: string, opts: { noCache: boolean; kind: 'files' | 'args' | 'none'; now: number; alive: (imageId: string) => boolean }): CacheDecision {
    const base = `${parent}\n${instruction}`;
    if (opts.noCache) return { hit: false, reason: '--no-cache: every step runs again' };
    const rec = this.records.get(`${base}\n${detail}`);
    if (rec && opts.alive(rec.imageId)) {
      rec.lastUsed = opts.now;
      rec.usage++;
      const what = opts.kind === 'files' ? ' and the same file contents' : opts.kind === 'args' ? ' and the same build args' : '';
      return { hit: true, record: rec, reason: `same instruction on the same parent${what}` };
    }
    const before = this.lastDetail.get(base);
    if (before !== undefined && before !== detail) {
      return { hit: false, reason: opts.kind === 'files' ? 'the files it copies changed since the last build' : 'a build arg it uses changed' };
    }
    return { hit: false, reason: 'not built before on this parent (a new instruction or a changed earlier step)' };
  }

  record(parent: string, instruction: string, detail: string, step: Pick<CacheRecord, 'imageId' | 'size' | 'files'>, now: number): CacheRecord {
    const base = `${parent}\n${instruction}`;
    const key = `${base}\n${detail}`;
    const rec: CacheRecord = { id: recordId(key), ...step, created: now, lastUsed: now, usage: 1 };
    this.records.set(key, rec);
    this.lastDetail.set(base, detail);
    return rec;
  }

  /**
   * `docker builder prune`: drop the records no image holds (dangling), or all with `all`.
   * `held(imageId)` says whether a tagged image or a container still uses the step's image.
   */
  prune(all: boolean, held: (imageId: string) => boolean): CacheRecord[] {
    const gone: CacheRecord[] = [];
    for (const [key, rec] of this.records) {
      if (all || !held(rec.imageId)) {
        gone.push(rec);
        this.records.delete(key);
      }
    }
    if (this.records.size === 0) this.lastDetail.clear();
    return gone;
  }

  list(): CacheRecord[] {
    return [...this.records.values()];
  }

  /** Plain data for the machine's snapshot, so a restored machine still says CACHED. */
  snapshot(): BuildCacheSnapshot {
    return { records: [...this.records], lastDetail: [...this.lastDetail] };
  }

  restore(snap: BuildCacheSnapshot | undefined): void {
    for (const [k, r] of snap?.records ?? []) this.records.set(k, { ...r, files: [...r.files] });
    for (const [k, v] of snap?.lastDetail ?? []) this.lastDetail.set(k, v);
  }

  /** [step key, image ID] pairs, as the daemon's earlier Map gave them (`docker system df`). */
  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (const [key, rec] of this.records) yield [key, rec.imageId];
  }
}
