/**
 * `docker compose up` (cmd/compose/up.go, pkg/compose/up.go): create what is missing (networks,
 * volumes, images, containers) and start it. With `-d` that is all. Attached (the default) it
 * prints `Attaching to …`, follows every container's output with a prefix, reports each exit, and
 * returns when all have stopped; the first Ctrl-C stops the project ("Gracefully Stopping...
 * press Ctrl+C again to force"), a second one kills it.
 */
import type { FlagValues } from '../framework/types';
import { bool, list, num, str } from './flags';
import { ComposeError, type ComposeCtx, type VerbHandler } from './context';
import { converge, ensureImages, ensureNetworks, ensureVolumes, startServices, withDependencies } from './converge';
import { projectContainers } from './labels';
import { LogPrinter } from './logprinter';
import type { Project } from './normalize';

export function parseScale(values: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) {
    const i = v.indexOf('=');
    const n = Number(v.slice(i + 1));
    if (i < 0 || !/^\d+$/.test(v.slice(i + 1))) throw new ComposeError(`invalid --scale option ${JSON.stringify(v)}. Should be SERVICE=NUM`);
    out.set(v.slice(0, i), n);
  }
  return out;
}

async function warnOrphans(c: ComposeCtx, p: Project, remove: boolean): Promise<void> {
  const orphans = (await projectContainers(c.d, p.name)).filter((x) => !p.services[x.service] && !p.disabled[x.service]);
  if (!orphans.length) return;
  if (remove) {
    for (const o of orphans) await c.d.containerRemove(o.id, { force: true, volumes: false });
    return;
  }
  await c.warn(`Found orphan containers ([${orphans.map((o) => o.name).join(' ')}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`);
}

/** create + (start), inside one progress block titled "Running"; shared by `up` and `create`. */
export async function createProject(c: ComposeCtx, p: Project, names: string[], flags: FlagValues, start: boolean, title = start ? 'Running' : 'Creating'): Promise<void> {
  const scale = parseScale(list(flags, 'scale'));
  for (const s of scale.keys()) if (!p.services[s]) throw new ComposeError(`no such service: ${s}`);
  await warnOrphans(c, p, bool(flags, 'remove-orphans'));
  const pw = c.progress(title);
  try {
    await ensureNetworks(c, p, pw);
    await ensureVolumes(c, p, pw);
    const imageIds = await ensureImages(c, p, names, pw, { build: bool(flags, 'build'), noBuild: bool(flags, 'no-build'), quietPull: bool(flags, 'quiet-pull') });
    await converge(c, p, names, pw, { forceRecreate: bool(flags, 'force-recreate'), noRecreate: bool(flags, 'no-recreate'), scale, imageIds });
    if (start) await startServices(c, p, names, pw);
  } finally {
    await pw.done();
  }
}

export const upVerb: VerbHandler = async (c, args, flags) => {
  const p = await c.load();
  if (bool(flags, 'detach') && (bool(flags, 'abort-on-container-exit') || bool(flags, 'abort-on-container-failure'))) {
    throw new ComposeError('--abort-on-container-exit and --detach are incompatible');
  }
  const names = withDependencies(p, args, bool(flags, 'no-deps'));
  const detach = bool(flags, 'detach') || bool(flags, 'no-start');
  // `up` runs create (and start with -d) inside progress.Run: the block is titled "Running"
  await createProject(c, p, names, flags, detach && !bool(flags, 'no-start'), 'Running');
  if (detach) return 0;
  const exitCodeFrom = str(flags, 'exit-code-from');
  if (exitCodeFrom && !p.services[exitCodeFrom]) throw new ComposeError(`no such service: ${exitCodeFrom}`);
  return attachAndStart(c, p, names, {
    color: !bool(flags, 'no-color') && c.io.stdoutIsTTY, prefix: !bool(flags, 'no-log-prefix'), timestamps: bool(flags, 'timestamps'), timeout: num(flags, 'timeout'),
    // --exit-code-from implies --abort-on-container-exit (cmd/compose/up.go)
    abort: bool(flags, 'abort-on-container-exit') || !!exitCodeFrom ? 'exit' : bool(flags, 'abort-on-container-failure') ? 'failure' : undefined,
    exitCodeFrom,
  });
};

interface AttachOptions { color: boolean; prefix: boolean; timestamps: boolean; timeout: number; abort?: 'exit' | 'failure'; exitCodeFrom?: string }

async function attachAndStart(c: ComposeCtx, p: Project, names: string[], o: AttachOptions): Promise<number> {
  const printer = new LogPrinter((s) => c.out(s), (s) => c.err(s), { ...o, now: () => c.io.now() });
  const containers = (await projectContainers(c.d, p.name)).filter((x) => names.includes(x.service));
  const short = (name: string, svc: string, n: number) => (name === `${p.name}-${svc}-${n}` ? `${svc}-${n}` : name);
  const attached = containers.map((x) => ({ ...x, label: short(x.name, x.service, x.number) }));
  for (const a of attached) printer.register(a.label);
  await c.out(`Attaching to ${attached.map((a) => a.label).join(', ')}\n`);
  const detachers: (() => void)[] = [];
  // Output is paced to the reader: an exit is reported once what the container wrote has arrived.
  const drains = new Map<string, () => Promise<void>>();
  for (const a of attached) {
    const h = await c.d.containerAttach(a.id, { onOutput: (stream, data) => printer.write(a.label, data, stream) });
    detachers.push(() => h.detach());
    if (h.drain) drains.set(a.id, h.drain);
  }
  let interrupted = 0;
  let exitCode = 0;
  let aborted = false;
  let stopping: Promise<void> | undefined;
  // the monitor reports each exit; "Stopped" follows the container's own exit line
  const reported = new Map<string, Promise<void>>();
  const done = new Map<string, () => void>();
  for (const a of attached) reported.set(a.id, new Promise<void>((r) => done.set(a.id, r)));
  const stopAll = (banner: Promise<void>) => {
    stopping = (async () => {
      await banner;
      for (const a of [...attached].reverse()) {
        await printer.status('', `Container ${a.name}  Stopping`);
        await c.d.containerStop(a.id, o.timeout ? { timeout: o.timeout } : {}).catch(() => {});
        await reported.get(a.id);
        await printer.status('', `Container ${a.name}  Stopped`);
      }
    })();
  };
  const onInt = () => {
    interrupted++;
    if (interrupted === 1 && !aborted) stopAll(c.out('Gracefully Stopping... press Ctrl+C again to force\n'));
    else {
      for (const a of attached) void c.d.containerKill(a.id).catch(() => {});
    }
  };
  c.io.onSignal?.(2, onInt);
  c.io.onSignal?.(15, onInt);
  try {
    try {
      await startServices(c, p, names, c.quietProgress());
    } catch (e) {
      if (!interrupted) throw e;
    }
    // the monitor: each container's exit is reported once it has stopped
    const waits = attached.map(async (a) => {
      const r = await c.d.containerWait(a.id, 'not-running');
      for (let i = 0; i < 10; i++) await Promise.resolve();
      await drains.get(a.id)?.();
      await printer.flush(a.label);
      const again = (await c.d.containerInspect(a.id).catch(() => undefined)) as { State?: { Restarting?: boolean } } | undefined;
      await printer.status(a.label, again?.State?.Restarting ? `exited with code ${r.StatusCode} (restarting)` : `exited with code ${r.StatusCode}`);
      if (o.exitCodeFrom === a.service && !interrupted) exitCode = r.StatusCode;
      done.get(a.id)!();
      // the first container to exit (or to fail) takes the project down
      if (o.abort && !aborted && !interrupted && !(o.abort === 'failure' && r.StatusCode === 0)) {
        aborted = true;
        if (!o.exitCodeFrom) exitCode = r.StatusCode;
        stopAll(c.err('Aborting on container exit...\n'));
      }
    });
    await Promise.all(waits);
    if (stopping) await stopping;
  } finally {
    for (const d of detachers) d();
    c.io.onSignal?.(2, undefined);
    c.io.onSignal?.(15, undefined);
  }
  return interrupted ? 130 : exitCode;
}

