/** `docker login`: Authenticate to a registry. (flags and help as Docker 28.5 prints them). */
import { DaemonError } from '../../../api/daemon';
import { CliError, type Handler, type RunContext } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonOf, str } from '../shared/common';
import { configPath, HUB, readConfig, serverKey, writeConfig } from '../shared/credentials';
import { readAllText } from '../../../lib/read-stream';
import FLAGS from './flags.json';

const dec = new TextDecoder();

/** A line from the terminal; the password prompt turns echo off as prompt.DisableInputEcho does. */
async function readLine(ctx: RunContext, echo: boolean): Promise<string | undefined> {
  const restore = echo ? undefined : ctx.io.disableEcho?.();
  try {
    const chunk = await ctx.io.stdin.read().catch(() => null);
    return chunk ? dec.decode(chunk).replace(/\r?\n$/, '') : undefined;
  } finally {
    restore?.();
  }
}

/** docker-cli's hints for the Hub (registerSuggest, patSuggest). */
const REGISTER_SUGGEST = "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";

const PAT_SUGGEST = 'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/';

/** tui's PrintNote: a blank line, `i Info → `, and later lines indented under the text. */
function note(text: string): string {
  const header = 'i Info →';
  return '\n' + text.split('\n').map((l, i) => (i === 0 ? `${header} ${l}` : ' '.repeat(header.length + 1) + l)).join('\n') + '\n';
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
    password = (await readAllText(ctx.io.stdin)).replace(/\n$/, '').replace(/\r$/, '');
  }
  const d = daemonOf(ctx);
  const check = async (username: string, pw: string) => {
    try {
      await d.registryLogin({ username, password: pw, serveraddress: key });
    } catch (e) {
      if (e instanceof DaemonError) throw new CliError(`Error response from daemon: ${e.message}`, 1);
      throw e;
    }
  };
  // With neither flag, stored credentials for the server are tried first.
  const stored = readConfig(ctx).auths?.[key]?.auth;
  if (!user && !password && stored) {
    const [u, ...rest] = atob(stored).split(':');
    await ctx.io.stderr.write(`Authenticating with existing credentials... [Username: ${u}]\n`);
    await ctx.io.stderr.write(note("To login with a different account, run 'docker logout' followed by 'docker login'\n\n"));
    await check(u, rest.join(':'));
    await ctx.io.stdout.write('Login Succeeded\n');
    return 0;
  }
  if ((!user || !password) && !ctx.io.stdinIsTTY) throw new CliError('Error: Cannot perform an interactive login from a non TTY device', 1);
  if (!user && !password && key === HUB) {
    // Docker 28 first asks login.docker.com for a device code (web login). This machine has no way
    // out to it, so the CLI falls back to the username and password prompts, as it does then.
    await ctx.io.stderr.write('Failed to start web-based login - falling back to command line login...\n\n');
  }
  if (!user) {
    if (key === HUB) await ctx.io.stdout.write(`${REGISTER_SUGGEST}\n${PAT_SUGGEST}\n\n`);
    await ctx.io.stdout.write('Username: ');
    user = ((await readLine(ctx, true)) ?? '').trim();
    if (!user) throw new CliError('Error: Non-null Username Required', 1);
  }
  if (!password.trim()) {
    await ctx.io.stderr.write(note('A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit https://app.docker.com/settings\n\n'));
    await ctx.io.stdout.write('Password: ');
    password = ((await readLine(ctx, false)) ?? '').trim();
    await ctx.io.stdout.write('\n');
    if (!password) throw new CliError('Error: Password Required', 1);
  }
  await check(user, password);
  const cfg = readConfig(ctx);
  cfg.auths = { ...(cfg.auths ?? {}), [key]: { auth: btoa(`${user}:${password}`) } };
  writeConfig(ctx, cfg);
  // The file store's unencryptedWarning, newlines before and after.
  await ctx.io.stderr.write(`\nWARNING! Your credentials are stored unencrypted in '${configPath(ctx)}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`);
  await ctx.io.stdout.write('Login Succeeded\n');
};

export const spec = verb({
  use: 'login [OPTIONS] [SERVER]', short: 'Authenticate to a registry',
  long: 'Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.',
  args: { kind: 'max', n: 1 }, categoryTop: 8,
  flags: [...FLAGS.login],
  run: loginRun
});
