/**
 * Goal conditions evaluated on the machine (through MachineQuery, never the screen), and the one
 * sentence each renders in zh and en: what is not yet true, or what now is.
 */
import type { ContainerFacts, MachineQuery } from '../api/machine-query';
import { sameRef, typedMatches } from './typed';
import type { CommandLog } from './typed';
import type { Condition, ContainerCondition, Lang, ValueMatch } from './types';

export interface ConditionResult {
  met: boolean;
  /** What is not yet true (when unmet) or what is (when met), in the chosen language. */
  text: string;
}

export async function evaluate(c: Condition, q: MachineQuery, log: CommandLog): Promise<boolean> {
  if ('typed' in c) return typedMatches(c, log);
  if ('lastExit' in c) {
    const last = log.lines[log.lines.length - 1];
    return last !== undefined && last.status === c.lastExit;
  }
  if ('image' in c) {
    const i = c.image;
    const img = await q.image(i.ref);
    if (i.absent) return !img || !img.tags.some((t) => sameRef(t, i.ref));
    if (!img) return false;
    if (i.file && !(await q.imageHasFile(i.ref, i.file))) return false;
    if (i.noFile && (await q.imageHasFile(i.ref, i.noFile))) return false;
    if (i.layers !== undefined && img.layers !== i.layers) return false;
    if (i.minLayers !== undefined && img.layers < i.minLayers) return false;
    if (i.author !== undefined && !img.author.includes(i.author)) return false;
    if (i.comment !== undefined && !img.comment.includes(i.comment)) return false;
    if (i.history !== undefined && !img.history.some((h) => h.includes(i.history!))) return false;
    for (const [k, want] of Object.entries(i.config ?? {})) if (!valueMatches(img.config[k], want)) return false;
    if (i.sharesLayersWith) {
      const other = await q.image(i.sharesLayersWith);
      if (!other || other.id === img.id || other.layerIds[0] !== img.layerIds[0]) return false;
    }
    return true;
  }
  if ('container' in c) {
    const all = await q.containers();
    const matching: ContainerFacts[] = [];
    for (const x of all) if (await containerMatches(x, c, q)) matching.push(x);
    if (c.container.absent) return matching.length === 0;
    if (c.container.count !== undefined) return matching.length === c.container.count;
    return matching.length > 0;
  }
  if ('volume' in c) {
    const v = (await q.volumes()).find((x) => x.name === c.volume.name);
    if (c.volume.absent) return !v;
    if (!v) return false;
    if (c.volume.usedBy && !v.usedBy.includes(c.volume.usedBy)) return false;
    if (c.volume.file !== undefined) {
      const t = await q.volumeFile(v.name, c.volume.file);
      if (t === undefined || (c.volume.contains !== undefined && !t.includes(c.volume.contains))) return false;
    }
    return true;
  }
  if ('network' in c) {
    const n = (await q.networks()).find((x) => x.name === c.network.name);
    if (c.network.absent) return !n;
    if (!n) return false;
    if (c.network.driver && n.driver !== c.network.driver) return false;
    if (c.network.container && !n.containers.includes(c.network.container)) return false;
    return true;
  }
  if ('hostFile' in c) {
    const t = await q.hostFile(c.hostFile.path);
    if (c.hostFile.absent) return t === undefined;
    return t !== undefined && (c.hostFile.contains === undefined || t.includes(c.hostFile.contains));
  }
  if ('process' in c) {
    const ctr = (await q.containers()).find((x) => x.name === c.process.container && x.state === 'running');
    if (!ctr) return false;
    return (await q.processes()).some(
      (p) => p.container === ctr.id && p.argv.join(' ').includes(c.process.command) && (c.process.nsPid === undefined || p.nsPid === c.process.nsPid),
    );
  }
  if ('engine' in c) {
    const e = await q.engine();
    if (c.engine.mirror !== undefined && !e.registryMirrors.some((m) => m.replace(/\/$/, '') === c.engine.mirror!.replace(/\/$/, ''))) return false;
    if (c.engine.running !== undefined && e.running !== c.engine.running) return false;
    return true;
  }
  return false;
}

async function containerMatches(x: ContainerFacts, c: ContainerCondition, q: MachineQuery): Promise<boolean> {
  const w = c.container;
  if (w.name !== undefined && x.name !== w.name) return false;
  if (w.image !== undefined && !sameRef(x.image, w.image)) {
    const img = await q.image(w.image);
    if (!img || img.id !== x.imageId) return false;
  }
  if (w.state !== undefined && x.state !== w.state) return false;
  if (w.exitCode !== undefined && (x.state !== 'exited' || x.exitCode !== w.exitCode)) return false;
  if (w.oomKilled !== undefined && x.oomKilled !== w.oomKilled) return false;
  if (w.tty !== undefined && x.tty !== w.tty) return false;
  if (w.interactive !== undefined && x.openStdin !== w.interactive) return false;
  if (w.port !== undefined) {
    const port = String(w.port).includes('/') ? String(w.port) : `${w.port}/tcp`;
    const pub = x.ports.filter((p) => p.containerPort === port);
    if (!pub.length || (w.hostPort !== undefined && !pub.some((p) => p.hostPort === w.hostPort))) return false;
  } else if (w.hostPort !== undefined && !x.ports.some((p) => p.hostPort === w.hostPort)) return false;
  if (w.mount) {
    const m = w.mount;
    const found = x.mounts.some(
      (y) => y.target === m.target && (m.type === undefined || y.type === m.type) && (m.name === undefined || y.name === m.name) &&
        (m.rw === undefined || y.rw === m.rw) && (m.source === undefined || y.source === m.source),
    );
    if (!found) return false;
  }
  if (w.changed !== undefined && !x.changes.some((d) => d.path === w.changed && d.kind !== 'D')) return false;
  if (w.file) {
    const t = await q.containerFile(x.id, w.file.path);
    if (t === undefined || (w.file.contains !== undefined && !t.includes(w.file.contains))) return false;
  }
  if (w.network !== undefined && !x.networks.includes(w.network)) return false;
  if (w.link !== undefined && !x.links.some((l) => l.split(':')[0]!.replace(/^\//, '') === w.link)) return false;
  if (w.memory !== undefined && x.memoryLimit !== w.memory) return false;
  if (w.nanoCpus !== undefined && x.nanoCpus !== w.nanoCpus) return false;
  if (w.pidMode !== undefined && x.pidMode !== w.pidMode) return false;
  if (w.volumesFrom !== undefined && !x.volumesFrom.some((v) => v.split(':')[0] === w.volumesFrom)) return false;
  if (w.hostname !== undefined && x.hostname !== w.hostname) return false;
  if (w.restartPolicy !== undefined && x.restartPolicy !== w.restartPolicy) return false;
  if (w.minRestarts !== undefined && x.restartCount < w.minRestarts) return false;
  if (w.command !== undefined && !x.command.join(' ').includes(w.command.contains)) return false;
  return true;
}

function valueMatches(actual: unknown, want: ValueMatch): boolean {
  if (typeof want === 'object' && !Array.isArray(want)) {
    const text = Array.isArray(actual) ? actual.join(' ') : typeof actual === 'object' && actual ? Object.keys(actual).join(' ') + ' ' + Object.values(actual).join(' ') : String(actual ?? '');
    return text.includes(want.contains);
  }
  if (Array.isArray(want)) return Array.isArray(actual) && actual.length === want.length && want.every((v, i) => actual[i] === v);
  return actual === want;
}

export { describeCondition } from './describe';
export type { Lang };
