/**
 * `docker compose` loads on first use: Compose's code, its verb table and the YAML parser are a
 * chunk of their own in the worker build, outside what loads before the prompt (issue 16). The
 * load is tracked as real work (src/lib/realwork.ts) so the headless runner waits for it.
 */
import type { CliIo } from '../framework/types';
import type { DaemonApi } from '../../api/daemon';
import { trackRealWork } from '../../lib/realwork';

let loading: Promise<typeof import('./index')> | undefined;

export async function runCompose(argv: string[], io: CliIo, daemon: DaemonApi, standalone = false): Promise<number> {
  let mod: typeof import('./index');
  try {
    mod = await (loading ??= trackRealWork(import('./index')));
  } catch (e) {
    loading = undefined;
    io.stderr.write(`docker: cannot load compose's code: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  return mod.runCompose(argv, io, daemon, standalone);
}

/** Is `word` one of Compose's verbs (up, down, config …)? */
export async function isComposeVerb(word: string): Promise<boolean> {
  const verbs = (await trackRealWork(import('./verbs.json'))).default as Record<string, unknown>;
  return Object.hasOwn(verbs, word);
}
