/**
 * `--platform` as docker-cli checks it before calling the daemon (containerd's platforms.Parse, in
 * ../../lib/platform.ts). Each command wraps the parse error its own way (docker/cli v28.5.2):
 * `save`, `load` and `history` say `invalid platform: …`; `run`/`create` say `error parsing
 * specified platform: …` (their caller adds `docker: ` and the help line); `push` first prints
 * `Invalid platform X` to stderr without a newline; `image inspect` and `rmi` print it bare. The
 * daemon checks it for `pull`, `import` and `build`. A valid platform goes on as before.
 */
import { platformError } from '../../lib/platform';
import { CliError, type FlagValues } from './types';

/** The parse error of each `--platform` value given (a list flag for `rmi`), or undefined. */
export function badPlatform(flags: FlagValues, name = 'platform'): string | undefined {
  const v = flags[name];
  for (const p of Array.isArray(v) ? v : typeof v === 'string' ? [v] : []) {
    // An empty --platform is no platform at all (`if opts.platform != ""`).
    const err = p === '' ? undefined : platformError(p);
    if (err) return err;
  }
  return undefined;
}

/** Throw the command's error (exit 1) when `--platform` does not parse; `prefix` as the command words it. */
export function checkPlatform(flags: FlagValues, prefix = '', name = 'platform'): void {
  const err = badPlatform(flags, name);
  if (err) throw new CliError(prefix + err, 1);
}
