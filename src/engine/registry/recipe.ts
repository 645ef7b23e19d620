/**
 * Recipes: how the simulated Hub describes an image without building it. A recipe is a list of
 * Dockerfile-like steps (each with the `created_by` text the real image's history shows) and the
 * runtime config. Steps that add files carry a tree builder and the layer's real reported size.
 * Nothing is built until the first pull (see build.ts).
 */
import type { ContainerConfig } from '../image/config';
import { sha256Digest } from '../image/config';
import type { Tree } from './tree';

export interface LayerStep {
  createdBy: string;
  /** Layers with the same key are built once and shared (a base used by several images). */
  key: string;
  tree: () => Tree;
  /** Reported bytes of this layer in the real image. */
  size: number;
  created?: string;
}

export interface MetaStep {
  createdBy: string;
  created?: string;
}

export type Step = LayerStep | MetaStep;

export function isLayerStep(s: Step): s is LayerStep {
  return 'tree' in s;
}

export interface ImageSpec {
  /** RFC 3339 creation time of the image. */
  created: string;
  config: ContainerConfig;
  steps: Step[];
  dockerVersion?: string;
}

export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** A stable fake content hash for `ADD file:<hex>` lines. */
export function fileHash(key: string): string {
  return sha256Digest('file:' + key).slice(7);
}

/** Metadata instruction as the classic builder records it: `/bin/sh -c #(nop)  CMD ["bash"]`. */
export function nop(instr: string, created?: string): MetaStep {
  return { createdBy: `/bin/sh -c #(nop)  ${instr}`, created };
}

/** The root filesystem step: `/bin/sh -c #(nop) ADD file:… in / `. */
export function addRoot(key: string, tree: () => Tree, size: number, created?: string): LayerStep {
  return { createdBy: `/bin/sh -c #(nop) ADD file:${fileHash(key)} in / `, key, tree, size, created };
}

export function copy(key: string, dest: string, tree: () => Tree, size: number, created?: string): LayerStep {
  return { createdBy: `/bin/sh -c #(nop) COPY file:${fileHash(key)} in ${dest} `, key, tree, size, created };
}

export function run(key: string, cmd: string, tree: () => Tree, size: number, created?: string): LayerStep {
  return { createdBy: `/bin/sh -c ${cmd}`, key, tree, size, created };
}

/** WORKDIR creates an empty layer only when the directory did not exist; we model the common case. */
export function workdir(key: string, dir: string, tree: () => Tree, created?: string): LayerStep {
  return { createdBy: `/bin/sh -c #(nop) WORKDIR ${dir}`, key, tree, size: 0, created };
}

/** `docker history`'s rendering of ENV lines: `ENV K=V`. */
export function env(pairs: Record<string, string>, created?: string): MetaStep[] {
  return Object.entries(pairs).map(([k, v]) => nop(`ENV ${k}=${v}`, created));
}

export function cmd(args: string[], created?: string): MetaStep {
  // The classic builder writes the list with Go's %q: ["a" "b"], spaces and no commas.
  return nop(`CMD [${args.map((a) => JSON.stringify(a)).join(' ')}]`, created);
}

export function entrypoint(args: string[], created?: string): MetaStep {
  return nop(`ENTRYPOINT [${args.map((a) => JSON.stringify(a)).join(' ')}]`, created);
}

export function expose(ports: string[], created?: string): MetaStep {
  return nop(`EXPOSE ${ports.join(' ')}`, created);
}

export function volume(paths: string[], created?: string): MetaStep {
  return nop(`VOLUME [${paths.join(' ')}]`, created);
}

/** Config maps for ports and volumes: `{ '80/tcp': {} }`. */
export function portSet(ports: string[]): Record<string, Record<string, never>> {
  const o: Record<string, Record<string, never>> = {};
  for (const p of ports) o[p.includes('/') ? p : p + '/tcp'] = {};
  return o;
}

export function pathSet(paths: string[]): Record<string, Record<string, never>> {
  const o: Record<string, Record<string, never>> = {};
  for (const p of paths) o[p] = {};
  return o;
}

export const MB = 1_000_000;
