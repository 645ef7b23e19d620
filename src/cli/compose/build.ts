/**
 * `docker compose build` and the builds `up` needs: each service with a `build:` section is built
 * from its context into `<project>-<service>` (or its `image:` name), with `args` and `target`.
 * Compose 2.40 hands the builds to Buildx Bake; the simulator sends them to the daemon's builder,
 * whose BuildKit output is printed as `docker build` prints it, then the `<image>  Built` event.
 */
import { packPath } from '../../lib/archive';
import type { TarEntry } from '../../lib/tar';
import { bool, list } from '../commands/shared/common';
import { StreamError } from '../../api/daemon';
import { ComposeError, type ComposeCtx, type VerbHandler } from './context';
import { imageOf, L } from './labels';
import type { Project } from './normalize';
import type { Progress } from './progress';

function contextEntries(c: ComposeCtx, dir: string): TarEntry[] {
  try {
    const packed = packPath(c.fs, dir);
    const top = packed[0]?.name.replace(/\/$/, '') ?? '';
    return packed.slice(1).map((e) => ({ ...e, name: e.name.slice(top.length + 1) }));
  } catch {
    throw new ComposeError(`unable to prepare context: path "${dir}" not found`);
  }
}

export async function buildServices(c: ComposeCtx, p: Project, names: string[], pw: Progress, o: { noCache?: boolean; pull?: boolean; quiet?: boolean; buildArgs?: Record<string, string> }): Promise<void> {
  const mode = c.progressMode();
  for (const name of names) {
    const s = p.services[name]!;
    if (!s.build) continue;
    const image = imageOf(p.name, name, s);
    const args: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.build.args ?? {})) if (v !== null) args[k] = v;
    try {
      await c.d.imageBuild(
        {
          context: contextEntries(c, s.build.context),
          dockerfileName: s.build.dockerfile,
          tags: [image],
          buildArgs: { ...args, ...(o.buildArgs ?? {}) },
          target: s.build.target,
          noCache: !!o.noCache,
          pull: !!o.pull,
          labels: { [L.project]: p.name, [L.service]: name, [L.version]: '2.40.3' },
          classic: false,
          progress: o.quiet || mode === 'quiet' ? 'quiet' : mode === 'tty' ? 'tty' : 'plain',
        },
        (text) => (o.quiet ? Promise.resolve() : c.err(text)),
      );
    } catch (e) {
      if (!(e instanceof StreamError)) throw e;
      await c.err(e.message.replace(/^ERROR: failed to build: /, 'failed to solve: ') + (e.message.endsWith('\n') ? '' : '\n'));
      throw new ComposeError('', e.exitCode ?? 1);
    }
    await pw.event({ id: image, status: 'done', statusText: 'Built' });
  }
}

/** `docker compose build [SERVICE...]` */
export const buildVerb: VerbHandler = async (c, args, flags) => {
  const p = await c.load();
  for (const a of args) if (!p.services[a]) throw new ComposeError(`no such service: ${a}`);
  const names = (args.length ? args : Object.keys(p.services)).filter((n) => p.services[n]!.build);
  const buildArgs: Record<string, string> = {};
  for (const kv of list(flags, 'build-arg')) {
    const i = kv.indexOf('=');
    if (i < 0) {
      if (c.io.env[kv] !== undefined) buildArgs[kv] = c.io.env[kv]!;
    } else buildArgs[kv.slice(0, i)] = kv.slice(i + 1);
  }
  // --quiet turns the whole display off (progress mode quiet)
  const pw = bool(flags, 'quiet') ? c.quietProgress() : c.progress('Building');
  try {
    await buildServices(c, p, names, pw, { noCache: bool(flags, 'no-cache'), pull: bool(flags, 'pull'), quiet: bool(flags, 'quiet'), buildArgs });
  } finally {
    await pw.done();
  }
  return 0;
};
