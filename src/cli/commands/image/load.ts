/** `docker image load`: Load an image from a tar archive or STDIN (flags and help as Docker 28.5 prints them). */
import { checkPlatform } from '../../framework/platform';
import type { LoadMessage } from '../../../api/bodies';
import { DaemonError } from '../../../api/daemon';
import { humanSize } from '../../../lib/units';
import { quietFlag } from '../../framework/common-flags';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonMessage, daemonOf, str } from '../shared/common';
import { clientFs } from '../shared/credentials';
import { readAllBytes } from '../../../lib/read-stream';
import FLAGS from './flags.json';

export const loadRun: Handler = async (ctx, _args, flags) => {
  const d = daemonOf(ctx);
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
    bytes = await readAllBytes(ctx.io.stdin);
    if (!bytes.length) throw new CliError('requested load from stdin, but stdin is empty', 1);
  }
  // Off a terminal the client asks for no progress at all (docker-cli sets quiet itself).
  checkPlatform(flags, 'invalid platform: ');
  const quiet = bool(flags, 'quiet') || !ctx.io.stdoutIsTTY;
  let messages: LoadMessage[];
  try {
    messages = await d.imageLoad(bytes, quiet);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  await ctx.io.stdout.write(messages.map((m) => (m.id ? `${m.id}: ${m.status} ${progress(m.total ?? 0, ctx.io.columns ?? 80)}` : m.status) + '\n').join(''));
};

/** jsonmessage's finished progress: the 50-wide bar only on terminals wider than 110 columns. */
function progress(total: number, columns: number): string {
  const bar = columns > 110 ? `[${'='.repeat(50)}>] ` : '';
  const size = humanSize(total);
  return `${bar}${size.padStart(8)}/${size}`;
}

export const spec = verb({
  use: 'load [OPTIONS]', short: 'Load an image from a tar archive or STDIN',
  args: { kind: 'none' },
  flags: [...FLAGS.load, quietFlag('Suppress the load output')],
  run: loadRun
});
