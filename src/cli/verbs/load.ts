/**
 * `docker load [-i FILE] [-q]`: a save tar from a file or a redirected stdin into the daemon. On a
 * terminal each new layer shows its finished `Loading layer` bar; `Loaded image:` always prints.
 */
import { checkPlatform } from '../framework/platform';
import type { Handler } from '../framework/types';
import { CliError } from '../framework/types';
import { DaemonError } from '../../api/daemon';
import type { LoadMessage } from '../../api/bodies';
import { humanSize } from '../../lib/units';
import { bool, daemonMessage, daemonOf, str } from './common';
import { clientFs, readAll } from './credentials';

export const loadRun: Handler = async (ctx, _args, flags) => {
  const d = daemonOf(ctx);
  if (!d.imageLoad) throw new CliError('docker load: not simulated yet', 1);
  const input = str(flags, 'input');
  let bytes: Uint8Array;
  if (input) {
    try {
      bytes = clientFs(ctx).readFile(input);
    } catch {
      throw new CliError(`open ${input}: no such file or directory`, 1);
    }
  } else {
    if (ctx.io.stdinIsTTY) throw new CliError('requested load from stdin, but stdin is empty', 1);
    bytes = await readAll(ctx);
    if (!bytes.length) throw new CliError('requested load from stdin, but stdin is empty', 1);
  }
  checkPlatform(flags, 'invalid platform: ');
  // Off a terminal the client asks for no progress at all (docker-cli sets quiet itself).
  const quiet = bool(flags, 'quiet') || !ctx.io.stdoutIsTTY;
  let messages: LoadMessage[];
  try {
    messages = await d.imageLoad(bytes, quiet);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  await ctx.io.stdout.write(messages.map((m) => (m.id ? `${m.id}: ${m.status} ${progress(m.total ?? 0, ctx.io.columns ?? 80)}` : m.status) + '\n').join(''));
  return 0;
};

/** jsonmessage's finished progress: the 50-wide bar only on terminals wider than 110 columns. */
function progress(total: number, columns: number): string {
  const bar = columns > 110 ? `[${'='.repeat(50)}>] ` : '';
  const size = humanSize(total);
  return `${bar}${size.padStart(8)}/${size}`;
}
