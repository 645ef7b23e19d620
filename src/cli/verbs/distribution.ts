/**
 * `docker login`, `logout`, `push`, `save`, `load`: the client keeps credentials in
 * ~/.docker/config.json (base64 `user:password`, unencrypted, as without a credential helper) and
 * sends the user with a push; save and load move a tar between the daemon and a file or a pipe.
 */
import type { Handler, RunContext } from '../framework/types';
import { CliError } from '../framework/types';
import { DaemonError, type DaemonApi, type PullProgress } from '../daemon-api';
import type { Fs } from '../../engine/fs/types';
import { bool, daemonMessage, daemonOf, str } from './common';

const HUB = 'https://index.docker.io/v1/';
const enc = new TextEncoder();
const dec = new TextDecoder();

function fsOf(ctx: RunContext): Fs {
  const fs = (ctx.io as { fs?: Fs }).fs;
  if (!fs) throw new CliError('docker: no client filesystem', 1);
  return fs;
}

function configPath(ctx: RunContext): string {
  return `${(ctx.io.env.DOCKER_CONFIG || `${ctx.io.env.HOME || '/root'}/.docker`).replace(/\/$/, '')}/config.json`;
}

interface ClientConfig {
  auths?: Record<string, { auth?: string }>;
  [k: string]: unknown;
}

function readConfig(ctx: RunContext): ClientConfig {
  try {
    return JSON.parse(fsOf(ctx).readText(configPath(ctx))) as ClientConfig;
  } catch {
    return {};
  }
}

/** Go's json.MarshalIndent with tabs, as the CLI writes config.json. */
function writeConfig(ctx: RunContext, cfg: ClientConfig): void {
  const fs = fsOf(ctx);
  const path = configPath(ctx);
  const dir = path.slice(0, path.lastIndexOf('/'));
  if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true, mode: 0o700 });
  fs.writeFile(path, JSON.stringify(cfg, null, '\t'), { mode: 0o600 });
}

function serverKey(server: string | undefined): string {
  if (!server || server === 'docker.io' || server === 'index.docker.io' || server === 'registry-1.docker.io') return HUB;
  return server.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** Read a line from the terminal, optionally without echo (the password prompt). */
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
  let user = str(flags, 'username');
  let password = str(flags, 'password');
  if (ctx.changed.has('password') && bool(flags, 'password-stdin')) throw new CliError('--password and --password-stdin are mutually exclusive', 1);
  if (bool(flags, 'password-stdin')) {
    if (!user) throw new CliError('Must provide --username with --password-stdin', 1);
    const chunks: Uint8Array[] = [];
    for (;;) {
      const c = await ctx.io.stdin.read();
      if (!c) break;
      chunks.push(c);
    }
    password = chunks.map((c) => dec.decode(c)).join('').replace(/\r?\n$/, '');
  }
  if (ctx.changed.has('password')) await ctx.io.stderr.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
  if (!user && !password && key === HUB) {
    // Docker 28 opens a browser for the Hub; there is none here.
    await ctx.io.stdout.write("\nUSING WEB-BASED LOGIN\nTo sign in with credentials on the command line, use 'docker login -u <username>'\n\n");
    throw new CliError('(simulator) there is no browser in this machine to finish a web-based login: use docker login -u <username>', 1);
  }
  if (!user) {
    await ctx.io.stdout.write('Username: ');
    user = (await readLine(ctx, true)) ?? '';
  }
  if (!user) throw new CliError('Error: Cannot perform an interactive login from a non TTY device', 1);
  if (!password) {
    await ctx.io.stdout.write('Password: ');
    password = (await readLine(ctx, false)) ?? '';
    await ctx.io.stdout.write('\n');
  }
  if (!password) throw new CliError('Error: Password Required', 1);
  if (!/^[a-z0-9]{4,30}$/.test(user) && key === HUB) {
    throw new CliError(`Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password`, 1);
  }
  const cfg = readConfig(ctx);
  cfg.auths = { ...(cfg.auths ?? {}), [key]: { auth: btoa(`${user}:${password}`) } };
  writeConfig(ctx, cfg);
  await ctx.io.stderr.write(`WARNING! Your credentials are stored unencrypted in '${configPath(ctx)}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`);
  await ctx.io.stdout.write('Login Succeeded\n');
  return 0;
};

export const logoutRun: Handler = async (ctx, args) => {
  const key = serverKey(args[0]);
  const cfg = readConfig(ctx);
  if (!cfg.auths?.[key]) {
    await ctx.io.stdout.write(`Not logged in to ${key === HUB ? HUB : key}\n`);
    return 0;
  }
  await ctx.io.stdout.write(`Removing login credentials for ${key}\n`);
  delete cfg.auths[key];
  writeConfig(ctx, cfg);
  return 0;
};

/** The user the client would send for a registry host (from config.json). */
function userFor(ctx: RunContext, ref: string): string | undefined {
  const first = ref.split('/')[0];
  const host = ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
  const auth = readConfig(ctx).auths?.[serverKey(host)]?.auth;
  if (!auth) return undefined;
  try {
    return atob(auth).split(':')[0];
  } catch {
    return undefined;
  }
}

export const pushRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx) as DaemonApi;
  if (!d.imagePush) throw new CliError('docker push: not simulated yet', 1);
  const quiet = bool(flags, 'quiet');
  const lines: string[] = [];
  const ids: string[] = [];
  const show = async (p: PullProgress) => {
    if (quiet) return;
    if (!p.id) {
      await ctx.io.stdout.write(p.status + '\n');
      return;
    }
    if (p.status === 'Pushing') return;
    if (!ids.includes(p.id)) ids.push(p.id);
    lines.push(`${p.id}: ${p.status}`);
    await ctx.io.stdout.write(`${p.id}: ${p.status}\n`);
  };
  let ref = args[0];
  const lastPart = ref.slice(ref.lastIndexOf('/') + 1);
  if (!bool(flags, 'all-tags') && !lastPart.includes(':') && !ref.includes('@')) {
    if (!quiet) await ctx.io.stdout.write('Using default tag: latest\n');
    ref = `${ref}:latest`;
  }
  try {
    await d.imagePush(ref, { username: userFor(ctx, ref), onProgress: show });
  } catch (e) {
    if (e instanceof DaemonError) {
      // Errors from the push stream are printed as they are, without the daemon prefix.
      if (/^(denied:|An image does not exist locally)/.test(e.message)) throw new CliError(e.message, 1);
      throw new CliError(daemonMessage(e), 1);
    }
    throw e;
  }
  if (quiet) await ctx.io.stdout.write(args[0] + '\n');
  return 0;
};

export const saveRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx) as DaemonApi;
  if (!d.imageSave) throw new CliError('docker save: not simulated yet', 1);
  const output = str(flags, 'output');
  if (!output && ctx.io.stdoutIsTTY) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect', 1);
  let tar: Uint8Array;
  try {
    tar = await d.imageSave(args);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(`Error response from daemon: ${e.message}`, 1);
    throw e;
  }
  if (output) fsOf(ctx).writeFile(output, tar);
  else await (ctx.io.stdout as { write(s: string | Uint8Array): Promise<void> }).write(tar);
  return 0;
};

export const loadRun: Handler = async (ctx, _args, flags) => {
  const d = daemonOf(ctx) as DaemonApi;
  if (!d.imageLoad) throw new CliError('docker load: not simulated yet', 1);
  const input = str(flags, 'input');
  let bytes: Uint8Array;
  if (input) {
    try {
      bytes = fsOf(ctx).readFile(input);
    } catch {
      throw new CliError(`open ${input}: no such file or directory`, 1);
    }
  } else {
    if (ctx.io.stdinIsTTY) throw new CliError('requested load from stdin, but stdin is empty', 1);
    const chunks: Uint8Array[] = [];
    for (;;) {
      const c = await ctx.io.stdin.read();
      if (!c) break;
      chunks.push(c);
    }
    bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let o = 0;
    for (const c of chunks) {
      bytes.set(c, o);
      o += c.length;
    }
    if (!bytes.length) throw new CliError('requested load from stdin, but stdin is empty', 1);
  }
  let lines: string[];
  try {
    lines = await d.imageLoad(bytes);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(`Error response from daemon: ${e.message}`, 1);
    throw e;
  }
  if (!bool(flags, 'quiet')) await ctx.io.stdout.write(lines.map((l) => l + '\n').join(''));
  void enc;
  return 0;
};
