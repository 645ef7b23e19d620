/**
 * `docker login [SERVER]`: the daemon checks the credentials with the registry (POST /auth), then
 * the client stores them base64-encoded in ~/.docker/config.json and warns that they sit there
 * unencrypted. Flags are checked in docker-cli's order (verifyLoginOptions): the --password
 * warning comes before the --password-stdin conflict.
 */
import type { Handler, RunContext } from '../framework/types';
import { CliError } from '../framework/types';
import { DaemonError } from '../daemon-api';
import { bool, daemonOf, str } from './common';
import { HUB, configPath, readAll, readConfig, serverKey, writeConfig } from './credentials';

const dec = new TextDecoder();

/** A line from the terminal; the password prompt turns echo off as term.DisableEcho does. */
async function readLine(ctx: RunContext, echo: boolean): Promise<string | undefined> {
  const tty = (ctx.io.stdin as { tty?: { mode: { echo: boolean } } }).tty;
  const saved = tty?.mode.echo;
  if (tty && !echo) tty.mode.echo = false;
  try {
    const chunk = await ctx.io.stdin.read().catch(() => null);
    return chunk ? dec.decode(chunk).replace(/\r?\n$/, '') : undefined;
  } finally {
    if (tty && saved !== undefined) tty.mode.echo = saved;
  }
}

export const loginRun: Handler = async (ctx, args, flags) => {
  const key = serverKey(args[0]);
  let user = str(flags, 'username').trim();
  let password = str(flags, 'password');
  if (password) {
    await ctx.io.stderr.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
    if (bool(flags, 'password-stdin')) throw new CliError('--password and --password-stdin are mutually exclusive', 1);
  }
  if (bool(flags, 'password-stdin')) {
    if (!user) throw new CliError('Must provide --username with --password-stdin', 1);
    password = dec.decode(await readAll(ctx)).replace(/\n$/, '').replace(/\r$/, '');
  }
  if (!user && !password && key === HUB) {
    // Docker 28 starts the device-code flow in a browser for the Hub; this machine has none.
    await ctx.io.stdout.write("\nUSING WEB-BASED LOGIN\nTo sign in with credentials on the command line, use 'docker login -u <username>'\n\n");
    throw new CliError('(simulator) there is no browser in this machine to finish a web-based login: use docker login -u <username>', 1);
  }
  if (!user) {
    if (!ctx.io.stdinIsTTY) throw new CliError('Error: Cannot perform an interactive login from a non TTY device', 1);
    await ctx.io.stdout.write('Username: ');
    user = ((await readLine(ctx, true)) ?? '').trim();
    if (!user) throw new CliError('Error: Non-null Username Required', 1);
  }
  if (!password) {
    if (!ctx.io.stdinIsTTY) throw new CliError('Error: Cannot perform an interactive login from a non TTY device', 1);
    await ctx.io.stdout.write('Password: ');
    password = (await readLine(ctx, false)) ?? '';
    await ctx.io.stdout.write('\n');
    if (!password) throw new CliError('Error: Password Required', 1);
  }
  const d = daemonOf(ctx);
  if (d.registryLogin) {
    try {
      await d.registryLogin({ username: user, password, serveraddress: key });
    } catch (e) {
      if (e instanceof DaemonError) throw new CliError(`Error response from daemon: ${e.message}`, 1);
      throw e;
    }
  }
  const cfg = readConfig(ctx);
  cfg.auths = { ...(cfg.auths ?? {}), [key]: { auth: btoa(`${user}:${password}`) } };
  writeConfig(ctx, cfg);
  await ctx.io.stderr.write(`WARNING! Your credentials are stored unencrypted in '${configPath(ctx)}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`);
  await ctx.io.stdout.write('Login Succeeded\n');
  return 0;
};
