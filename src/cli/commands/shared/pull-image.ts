/**
 * `docker pull`, and the pull inside `docker run`/`create`: the Engine API's progress messages
 * rendered as the CLI does without a TTY (one line per final status of each layer).
 */
import type { DaemonApi, PullProgress } from '../../../api/daemon';

/** Statuses that the non-TTY stream shows; intermediate ones (Downloading, Extracting …) are not. */
const SHOWN = new Set(['Pulling fs layer', 'Already exists', 'Pull complete', 'Waiting']);

export async function pullImage(
  daemon: DaemonApi,
  ref: string,
  write: (s: string) => Promise<void>,
  opts: { quiet?: boolean; platform?: string } = {},
): Promise<void> {
  await daemon.imagePull(ref, {
    platform: opts.platform,
    onProgress: async (p: PullProgress) => {
      if (opts.quiet) return;
      if (p.id && p.status.startsWith('Pulling from')) return write(`${p.id}: ${p.status}\n`);
      if (!p.id) return write(`${p.status}\n`);
      // Non-TTY output keeps only each layer's final state, as the notes show it.
      if (p.status === 'Pull complete' || p.status === 'Already exists') return write(`${p.id}: ${p.status}\n`);
      if (!SHOWN.has(p.status)) return;
    },
  });
}

/** A reference without a tag or digest gets `:latest` (pull and push then say "Using default tag: latest"). */
export function withDefaultTag(ref: string): { ref: string; defaulted: boolean } {
  const lastSlash = ref.lastIndexOf('/');
  const name = ref.slice(lastSlash + 1);
  if (ref.includes('@') || name.includes(':')) return { ref, defaulted: false };
  return { ref: ref + ':latest', defaulted: true };
}
