/**
 * A RUN step's container: created over the stage's image with the build args in its environment
 * (and the step's `--mount`s bound in), started, its output printed as it comes, waited for (or
 * killed when the client goes away), and its writable layer frozen into the step's layer.
 */
import type { Image } from '../../image/store';
import { cloneConfig } from '../../image/config';
import type { MutableLayer } from '../../fs/layer';
import type { Overlay } from '../../fs/overlay';
import type { BuildContext } from '../context';
import { prepareRunMounts, type RunMount } from '../run-mounts';
import type { StepHandle } from '../printers/printer';
import type { BuildSession } from '../session';
import { BuildFailure, type Stage } from '../types';
import { changes } from '../util';

export interface RunSpec {
  argv: string[];
  args: [string, string][];
  heredocs: string[];
  buildkitBy: string;
  classicBy: string;
  mounts: RunMount[];
}

export async function runStep(s: BuildSession, stage: Stage, spec: RunSpec, h: StepHandle | undefined, ctx?: BuildContext): Promise<Image> {
  const parent = stage.image!;
  const { argv, heredocs, mounts } = spec;
  const cmd = heredocs.length ? [...argv.slice(0, -1), heredocs.join('')] : argv;
  let prepared: { hostConfig: Record<string, unknown>; done: () => void } | undefined;
  if (mounts.length && !s.o.classic) {
    const hostFs = s.d.hostFs?.();
    if (!hostFs || !ctx) throw new BuildFailure('RUN --mount needs the host filesystem, which this builder has not got');
    try {
      prepared = prepareRunMounts(mounts, hostFs, ctx, `${spec.buildkitBy}\n${s.now()}`);
    } catch (e) {
      throw new BuildFailure((e as Error).message);
    }
  }
  let id: string;
  try {
    id = s.createContainer(parent, cmd, spec.args, prepared?.hostConfig);
  } catch (e) {
    prepared?.done();
    throw e;
  }
  try {
    return await runIn(s, id, parent, argv, h, spec.buildkitBy, spec.classicBy);
  } finally {
    prepared?.done();
  }
}

async function runIn(s: BuildSession, id: string, parent: Image, argv: string[], h: StepHandle | undefined, buildkitBy: string, classicBy: string): Promise<Image> {
  await s.printer.containerStarted(id);
  const svc = s.d.containers;
  let pending = '';
  const flushLines = async (final: boolean) => {
    const parts = pending.split('\n');
    pending = final ? '' : parts.pop()!;
    for (const line of final ? parts.filter((l, k) => k < parts.length - 1 || l) : parts) await s.printer.log(h, line);
  };
  // Output is printed in the order it was written; the container's writes wait for it.
  let chain: Promise<void> = Promise.resolve();
  const a = svc.attach(id, {
    onOutput: (_s, data) => {
      chain = chain.then(() => {
        pending += data;
        return flushLines(false);
      });
      return chain;
    },
  });
  let code: number;
  try {
    try {
      svc.start(id);
    } catch (e) {
      throw s.printer.startFailed(argv, e instanceof Error ? e.message : String(e));
    }
    code = (await untilCancelled(svc.wait(id), s.o.cancel)).StatusCode;
    await a.drain?.();
    await chain;
    await flushLines(true);
  } catch (e) {
    // Cancelled or not started: the step's container goes (killed first if it runs).
    a.detach();
    svc.remove(id, { force: true, volumes: true });
    throw e;
  }
  a.detach();
  try {
    if (code !== 0) throw s.printer.exitFailed(argv, code);
    const c = svc.get(id);
    s.lastFiles = changes(c.rootfs as Overlay);
    const layer = ((c.rootfs as Overlay).upper as MutableLayer).freeze({ mtime: s.now() });
    const img = s.commitConfig(parent, cloneConfig(parent.config), s.history(buildkitBy, classicBy, false), layer);
    await s.printer.containerRemoved(id);
    return img;
  } finally {
    svc.remove(id, { force: true, volumes: true });
  }
}

/**
 * The RUN container's exit, or the client going away first (moby's containerManager.Run: "Build
 * cancelled, killing and removing container"; BuildKit's executor on a cancelled context). The
 * caller's `finally` then force-removes the container, which kills it.
 */
function untilCancelled<T>(p: Promise<T>, cancel: AbortSignal | undefined): Promise<T> {
  if (!cancel) return p;
  if (cancel.aborted) return Promise.reject(new BuildFailure('Canceled: context canceled', 1));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new BuildFailure('Canceled: context canceled', 1));
    cancel.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => { cancel.removeEventListener('abort', onAbort); resolve(v); },
      (e) => { cancel.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}
