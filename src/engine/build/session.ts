/**
 * One build's shared state and the ways a step turns the stage's image into the next one: the
 * word expander and the build args (declared, given, used), the printer chosen for the build,
 * the images it made, and the commit of a step (a container of the parent written to and frozen
 * into a layer, or a config change with a history entry and no layer).
 */
import type { Image } from '../image/store';
import type { ContainerConfig, HistoryEntry, ImageConfig } from '../image/config';
import { cloneConfig } from '../image/config';
import type { MutableLayer, Layer } from '../fs/layer';
import type { Overlay } from '../fs/overlay';
import type { Fs } from '../../api/fs';
import type { Node } from './dockerfile/ast';
import { ShellLex } from './dockerfile/shell-lex';
import type { BuildPrinter } from './printers/printer';
import type { BuildDeps, BuildOptions, Change, Stage } from './types';
import { changes } from './util';
import { normalize } from '../../lib/path';

export class BuildSession {
  lex = new ShellLex('\\');
  /** ARGs before the first FROM (usable in FROM lines and redeclared in stages). */
  readonly metaArgs = new Map<string, string | undefined>();
  /** The `--build-arg`s some ARG consumed (the classic builder warns about the others). */
  readonly usedArgs = new Set<string>();
  /** Every image the build's steps made (BuildKit's become cache records). */
  readonly intermediates: string[] = [];
  /** What the last fresh step changed, for the pictures. */
  lastFiles: Change[] = [];

  constructor(
    readonly d: BuildDeps,
    readonly o: BuildOptions,
    readonly printer: BuildPrinter,
  ) {}

  now(): number {
    return this.d.clock.now();
  }

  // ---- words ----

  envOf(stageEnv: Map<string, string>, args: [string, string | undefined][]): Map<string, string> {
    const m = new Map<string, string>();
    for (const [k, v] of args) if (v !== undefined) m.set(k, v);
    for (const [k, v] of stageEnv) m.set(k, v);
    return m;
  }

  stageEnv(img: Image): Map<string, string> {
    const m = new Map<string, string>();
    for (const kv of img.config.config.Env ?? []) {
      const i = kv.indexOf('=');
      m.set(i < 0 ? kv : kv.slice(0, i), i < 0 ? '' : kv.slice(i + 1));
    }
    return m;
  }

  /** The stage's build environment: its ENV over its ARGs. */
  stageWords(stage: Stage): Map<string, string> {
    return this.envOf(this.stageEnv(stage.image!), [...stage.args]);
  }

  expand(stage: Stage, word: string): string {
    return this.lex.processWord(word, this.stageWords(stage));
  }

  /** The directory a WORKDIR instruction makes current (relative to the one before). */
  workdirOf(stage: Stage, raw: string): string {
    const dir = this.expand(stage, raw);
    const cur = stage.image!.config.config.WorkingDir || '/';
    return normalize(dir, cur);
  }

  // ---- errors ----

  /** An instruction BuildKit (or the classic builder) refuses before running anything. */
  parseError(n: Node, msg: string): Error {
    return this.printer.fail(`dockerfile parse error on line ${n.startLine}: ${msg}`, this.excerpt(n));
  }

  /** The Dockerfile lines around an instruction, as BuildKit shows them with an error. */
  excerpt(node: Node): string {
    const lines = this.o.dockerfile.split('\n');
    let text = '';
    for (let l = Math.max(1, node.startLine - 2); l <= Math.min(lines.length, node.endLine + 2); l++) {
      text += ` ${String(l).padStart(3)} | ${l >= node.startLine && l <= node.endLine ? '>>>' : '   '} ${lines[l - 1]}\n`;
    }
    return `${this.o.dockerfileLabel ?? this.o.dockerfileName}:${node.startLine}\n--------------------\n${text}--------------------\n`;
  }

  // ---- commits ----

  history(buildkitBy: string, classicBy: string, empty: boolean): HistoryEntry {
    const created = new Date(this.now()).toISOString();
    return this.o.classic
      ? { created, created_by: classicBy, ...(empty ? { empty_layer: true } : {}) }
      : { created, created_by: buildkitBy, comment: 'buildkit.dockerfile.v0', ...(empty ? { empty_layer: true } : {}) };
  }

  commitConfig(parent: Image, config: ImageConfig, h: HistoryEntry, layer?: Layer): Image {
    config.created = h.created;
    config.history = [...(config.history ?? []), h];
    if (layer) config.rootfs = { type: 'layers', diff_ids: [...config.rootfs.diff_ids, layer.diffId] };
    if (this.o.classic) config.docker_version = '28.5.2';
    // The classic builder's images chain through Parent; BuildKit's results have none, so
    // `docker history` shows `<missing>` below the top row, as in the notes.
    const img = this.d.store.add(config, layer ? [...parent.layers, layer] : [...parent.layers], this.o.classic ? { parent: parent.id } : {});
    this.intermediates.push(img.id);
    return img;
  }

  /** A metadata step: the config changed, a history entry with no layer. */
  async configStep(parent: Image, mutate: (c: ImageConfig) => void, buildkitBy: string, classicBy: string): Promise<Image> {
    await this.classicContainer(parent);
    const c = cloneConfig(parent.config);
    mutate(c);
    return this.commitConfig(parent, c, this.history(buildkitBy, classicBy, true));
  }

  /** A step that changes files: a container of the parent image, written to, frozen into a layer. */
  async fsStep(
    stage: Stage,
    buildkitBy: string,
    classicBy: string,
    write: (fs: Fs, root: Fs) => void,
    mutate: (c: ContainerConfig) => void,
    emptyLayer = false,
  ): Promise<Image> {
    const parent = stage.image!;
    const id = this.createContainer(parent, ['/bin/sh'], [...stage.args]);
    try {
      const c = this.d.containers.get(id);
      const root = this.d.containers.vfsOf(c).view({ uid: 0, gid: 0, groups: [0] }, '/');
      write(root, root);
      const cfg = cloneConfig(parent.config);
      mutate(cfg.config);
      const upper = (c.rootfs as Overlay).upper as MutableLayer;
      if (!emptyLayer) this.lastFiles = changes(c.rootfs as Overlay);
      const layer = emptyLayer ? undefined : upper.freeze({ mtime: this.now() });
      return this.commitConfig(parent, cfg, this.history(buildkitBy, classicBy, emptyLayer), layer);
    } finally {
      this.d.containers.remove(id, { force: true, volumes: true });
    }
  }

  /** The classic builder commits metadata steps from a container it then removes (and says so). */
  async classicContainer(parent: Image): Promise<void> {
    if (!this.o.classic) return;
    const id = this.createContainer(parent, ['/bin/sh'], []);
    await this.printer.containerStarted(id);
    this.d.containers.remove(id, { force: true, volumes: true });
    await this.printer.containerRemoved(id);
  }

  createContainer(img: Image, argv: string[], args: [string, string | undefined][], hostConfig: Record<string, unknown> = {}): string {
    const env = [...(img.config.config.Env ?? [])];
    for (const [k, v] of args) if (v !== undefined && !env.some((e) => e.startsWith(k + '='))) env.push(`${k}=${v}`);
    return this.d.containers.create({
      config: { Image: img.id, Entrypoint: [''], Cmd: argv, Env: env, WorkingDir: img.config.config.WorkingDir || '/', User: img.config.config.User || '' },
      hostConfig,
    }).Id;
  }
}
