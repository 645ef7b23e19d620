/** `docker image build` (also `docker builder build` and `docker build`): Build an image from a Dockerfile (flags and help as Docker 28.5 prints them). */
import { checkPlatform } from '../../framework/platform';
import type { Fs } from '../../../api/fs';
import { packPath } from '../../../lib/archive';
import { parseReference, parseStrict } from '../../../lib/reference';
import { readAllBytes } from '../../../lib/read-stream';
import type { TarEntry } from '../../../lib/tar';
import { quietFlag } from '../../framework/common-flags';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonMessage, daemonOf, list, str } from '../shared/common';
import { DaemonError } from '../../../api/daemon';
import FLAGS from './flags.json';

const LEGACY_NOTICE = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.

`;

function keyValues(items: string[], env: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of items) {
    const eq = kv.indexOf('=');
    // `--build-arg NAME` takes the value from the client's environment.
    if (eq < 0) {
      if (env[kv] !== undefined) out[kv] = env[kv];
    } else out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

export const buildRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const io = ctx.io;
  const fs = io.fs;
  const classic = io.env.DOCKER_BUILDKIT === '0' || io.env.DOCKER_BUILDKIT === 'false';
  const quiet = bool(flags, 'quiet');
  const progressFlag = str(flags, 'progress') || 'auto';
  if (!['auto', 'plain', 'tty', 'quiet', 'rawjson'].includes(progressFlag)) throw new CliError(`ERROR: invalid progress mode ${progressFlag}`, 1);
  const progress = quiet || progressFlag === 'quiet' ? 'quiet' : progressFlag === 'plain' ? 'plain' : progressFlag === 'tty' || io.stdoutIsTTY || io.stderrIsTTY ? 'tty' : 'plain';
  // Tags are checked before anything is sent: buildx with reference.Parse (build/opt.go, `invalid
  // tag %q`), the classic client as the -t flag's value (validateTag, ParseNormalizedNamed).
  for (const tag of list(flags, 'tag')) {
    try {
      if (classic) parseReference(tag);
      else parseStrict(tag);
    } catch (e) {
      const why = (e as Error).message;
      if (classic) throw new CliError(`invalid argument "${tag}" for "-t, --tag" flag: ${why}\n\nUsage:  ${ctx.commandPath} [OPTIONS] PATH | URL | -\n\nRun '${ctx.commandPath} --help' for more information`, 125);
      throw new CliError(`ERROR: failed to build: invalid tag ${JSON.stringify(tag)}: ${why}`, 1);
    }
  }
  // buildx parses each comma-separated --platform before anything is sent (platformutil.Parse).
  if (!classic) checkPlatform({ platform: str(flags, 'platform').split(',') }, 'ERROR: failed to build: ');
  const path = args[0];
  let context: TarEntry[] = [];
  let dockerfileName = str(flags, 'file') || 'Dockerfile';
  let dockerfileLabel: string | undefined;
  if (path === '-') {
    // A Dockerfile on stdin and no context.
    const data = await readAllBytes(io.stdin);
    dockerfileName = 'Dockerfile';
    context = [{ name: 'Dockerfile', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: io.now(), data }];
  } else {
    if (!fs) throw new CliError('docker build: no filesystem', 1);
    if (/^(https?|git):\/\//.test(path) || path.startsWith('git@')) {
      throw new CliError(`ERROR: failed to build: unable to prepare context: the simulator has no internet: clone or download ${path} into a folder and build that`, 1);
    }
    let st;
    try {
      st = fs.stat(path);
    } catch {
      throw new CliError(classic ? `unable to prepare context: path "${path}" not found` : `ERROR: failed to build: unable to prepare context: path "${path}" not found`, 1);
    }
    if (st.kind !== 'dir') throw new CliError(classic ? `unable to prepare context: context must be a directory: ${fs.resolve(path)}` : `ERROR: failed to build: unable to prepare context: context must be a directory: ${fs.resolve(path)}`, 1);
    try {
      // Entries are named from the folder's base name; the context is its contents.
      const packed = packPath(fs, fs.resolve(path));
      const top = packed[0]?.name.replace(/\/$/, '') ?? '';
      context = packed.slice(1).map((e) => ({ ...e, name: e.name.slice(top.length + 1) }));
    } catch (e) {
      throw new CliError(`ERROR: failed to build: failed to read build context: ${(e as Error).message}`, 1);
    }
    // -f is read from the current directory, not the context (docker/cli GetContextFromLocalDir,
    // buildx's "dockerfile" local mount); a file outside the context is sent beside it.
    const f = str(flags, 'file');
    if (f) {
      const abs = fs.resolve(f);
      const ctxRoot = fs.resolve(path);
      // buildx mounts the Dockerfile's folder on its own: BuildKit names the file by its base name.
      if (!classic) dockerfileLabel = abs.split('/').pop();
      if (abs.startsWith(ctxRoot + '/')) dockerfileName = abs.slice(ctxRoot.length + 1);
      else {
        try {
          const data = fs.readFile(f);
          dockerfileName = '.dockerfile.' + abs.split('/').pop();
          context.push({ name: dockerfileName, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: io.now(), data });
        } catch {
          throw new CliError(classic ? `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${abs}: no such file or directory` : `ERROR: failed to build: unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${abs}: no such file or directory`, 1);
        }
      }
    }
  }
  if (classic && !quiet) await io.stderr.write(LEGACY_NOTICE);
  // The classic builder's daemon refuses it once the context is sent (builder/dockerfile/builder.go).
  if (classic) checkPlatform(flags, 'Error response from daemon: ');
  // BuildKit's progress goes to stderr; the classic builder's to stdout.
  const out = quiet ? async () => {} : classic ? (s: string) => io.stdout.write(s) : (s: string) => io.stderr.write(s);
  let imageId: string;
  try {
    imageId = await d.imageBuild(
      {
        context,
        dockerfileName: dockerfileName.replace(/^\.\//, ''),
        ...(dockerfileLabel ? { dockerfileLabel } : {}),
        tags: list(flags, 'tag'),
        buildArgs: keyValues(list(flags, 'build-arg'), io.env),
        target: str(flags, 'target') || undefined,
        noCache: bool(flags, 'no-cache'),
        pull: bool(flags, 'pull'),
        labels: keyValues(list(flags, 'label'), {}),
        classic,
        progress,
        // Ctrl-C ends the client; the daemon then cancels the build and removes its RUN container.
        cancel: io.signal,
      },
      out,
    );
  } catch (e) {
    // A failed build: BuildKit's `ERROR: …` bare, a daemon refusal with its prefix.
    if (!(e instanceof DaemonError)) throw e;
    await io.stderr.write(daemonMessage(e) + '\n');
    return e.exitCode ?? 1;
  }
  if (quiet && imageId) await io.stdout.write(imageId + '\n');
};

export const spec = verb({
  use: 'build [OPTIONS] PATH | URL | -', short: 'Build an image from a Dockerfile',
  aliasesLine: 'docker image build, docker build, docker builder build',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.build, quietFlag('Suppress the build output and print image ID on success')],
  run: buildRun
});
