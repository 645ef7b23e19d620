/**
 * Where a share link's machine comes from. A session's typed log starts from a base: a fresh
 * machine with a seed, or a lesson opened at a step. Replaying the base and the log on virtual
 * time (the headless runner types the lines) makes the machine again. When the base is unknown (a
 * session restored from storage or from a snapshot link), the link carries the machine's snapshot.
 */
import type { Machine } from '../engine/machine';
import { Headless } from '../tools/headless';

export type Base = { kind: 'seed' } | { kind: 'lesson'; id: string; step: number } | { kind: 'saved' };

/** Why a link carries a snapshot: a key the line format cannot hold, an unknown base, a replay that differs. */
export type SnapshotReason = 'keys' | 'restored' | 'differs';

/** A lesson's start at a step, replayed on a clock still virtual, with a runner to type on. */
export type LessonReplayer = (id: string, step: number) => Promise<{ machine: Machine; h: Headless }>;

/**
 * Make the machine of `base` + `log` on virtual time. Its clock stays virtual: the caller takes a
 * snapshot (or a digest) and shuts it down. Throws when the base cannot be replayed here.
 */
export async function replayBase(base: Base, seed: number, log: string[], lessons?: LessonReplayer): Promise<Machine> {
  let h: Headless;
  if (base.kind === 'seed') h = await Headless.start(seed);
  else if (base.kind === 'lesson') {
    if (!lessons) throw new Error('lessons are not loaded');
    h = (await lessons(base.id, base.step)).h;
  } else throw new Error('this session has no base to replay from');
  for (const line of log) {
    await h.type(line);
    h.take(); // what the replay printed is not shown: the learner sees the machine it made
  }
  h.close();
  return h.machine;
}
