/**
 * `docker build`: runs a parsed Dockerfile against the daemon. Each instruction turns the stage's
 * current image into the next one: RUN in a real container of the simulated kernel whose writable
 * layer is frozen into a new layer, COPY/ADD by writing files into a fresh container's layer, and
 * the metadata instructions by changing the image config (a history entry without a layer). Every
 * step is an image in the store (as the classic builder keeps them), and the cache maps
 * parent image + instruction (+ the content of copied files) to the child, so a repeated build —
 * under any tag — reuses them (`CACHED` / ` ---> Using cache`).
 */
import type { Clock } from '../clock';
import type { Image, ImageStore } from '../image/store';
import type { ContainerConfig, HistoryEntry, ImageConfig } from '../image/config';
import { cloneConfig, shortId } from '../image/config';
import { MutableLayer } from '../fs/layer';
import type { Layer } from '../fs/layer';
import type { Overlay } from '../fs/overlay';
import type { ContainerService } from '../daemon/containers';
import type { PullProgress } from '../../api/daemon';
import { DaemonError } from '../../api/daemon';
import { INSTRUCTIONS, instructionKey, parse, unknownInstruction, words } from './dockerfile/parser';
import { DockerfileParseError, type Node, type ParseWarning } from './dockerfile/ast';
import { lintDockerfile, lintShort } from './lint';
import { ShellLex } from './dockerfile/shell-lex';
import { applyIgnore, contextTarSize, DockerIgnore, type BuildContext } from './context';
import { BuildKitPrinter, type Out, type Vertex } from './output';
import { copyInto, type CopySource } from './copy';
import { parseRunMounts, prepareRunMounts, type RunMount } from './run-mounts';
import { sha256hex } from '../../lib/hash';
import { humanSize } from './units';
import type { BuildCache } from './cache';
import type { BuildStepEvent, MachineEvent } from '../events';

export interface BuildOptions {
  /**
   * The client's life: aborted when the `docker build` process ends (Ctrl-C). BuildKit cancels the
   * solve and the classic builder its context; both kill and remove a running RUN container.
   */
  cancel?: AbortSignal;
  dockerfile: string;
  /** Where the Dockerfile is in the context sent. */
  dockerfileName: string;
  /** The name BuildKit knows it by (buildx sends `-f dir/File` as File from its own folder). */
  dockerfileLabel?: string;
  context: BuildContext;
  tags: string[];
  buildArgs: Record<string, string>;
  target?: string;
  noCache: boolean;
  pull: boolean;
  labels: Record<string, string>;
  classic: boolean;
  progress: 'plain' | 'tty' | 'quiet';
}

export interface BuildDeps {
  store: ImageStore;
  clock: Clock;
  containers: ContainerService;
  /**
   * Fetch a base image. `intoBuildCache`: BuildKit's way with the classic image store — the base
   * becomes build cache, not a tagged image (`docker images` does not list it).
   */
  pull(ref: string, onProgress: (p: PullProgress) => Promise<void>, intoBuildCache?: boolean): Promise<Image>;
  /** Normalised reference (`docker.io/library/x:latest`) of a name, or a DaemonError. */
  normalize(ref: string): string;
  tag(imageId: string, ref: string): void;
  cache: BuildCache;
  /** Build events for the pictures (the daemon adds the build's ID). */
  emit?(e: BuildEventBody): void;
  /** The host's files, where RUN --mount keeps cache directories and context copies. */
  hostFs?: () => import('../../api/fs').Fs;
}

type Dist<T> = T extends unknown ? Omit<T, 'build'> : never;
export type BuildEventBody = Dist<Extract<MachineEvent, { type: 'build.step' | 'build.step.started' }>>;
type Change = BuildStepEvent['files'][number];

/** A failure that ends the build: the CLI prints `message` and exits with `status`. */
export class BuildFailure extends Error {
  constructor(message: string, readonly status = 1) {
    super(message);
  }
}

const PROXY_ARGS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

interface Stage {
  index: number;
  name?: string;
  from: Node;
  nodes: Node[];
  image?: Image;
  args: Map<string, string | undefined>;
  /** BuildKit's step numbering (`[2/4]`): the steps counted, and how many have been labelled. */
  cmdTotal?: number;
  cmdIndex?: number;
}

/** The instructions BuildKit gives a numbered step (a vertex) of their own; the rest only change the config. */
const VERTEX_INSTRUCTIONS = new Set(['run', 'copy', 'add', 'workdir']);

/**
 * What a step will do: `key` (the instruction as the cache sees it), `detail` (what else decides
 * a hit: the copied files' digests, the build args a RUN sees; `kind` says which) and `apply`.
 */
interface StepPlan {
  key: string;
  detail?: string;
  kind?: 'files' | 'args';
  apply: (v?: Vertex) => Promise<Image>;
}

const goQuote = (a: string[]) => '[' + a.map((x) => JSON.stringify(x)).join(' ') + ']';

export class Builder {
  private lex = new ShellLex('\\');
  private stepNo = 0;
  private totalSteps = 0;
  private kit?: BuildKitPrinter;
  private metaArgs = new Map<string, string | undefined>();
  private usedArgs = new Set<string>();
  private intermediates: string[] = [];
  /** Whether the last base image fetched had layers to download. */
  private baseDownloaded = false;
  /** Step counter for the events (FROM included), and what the last fresh step changed. */
  private eventStep = 0;
  private lastFiles: Change[] = [];

  constructor(
    private readonly d: BuildDeps,
    private readonly o: BuildOptions,
    private readonly out: Out,
  ) {}

  private now(): number {
    return this.d.clock.now();
  }

  async run(): Promise<string> {
    const o = this.o;
    if (!o.classic) {
      this.kit = new BuildKitPrinter(this.out, () => this.now(), o.progress);
      await this.kit.header();
    }
    // The definition and the ignore file travel first.
    let ast: Node;
    let parseWarnings: ParseWarning[] = [];
    const defV = await this.kit?.start(`[internal] load build definition from ${o.dockerfileLabel ?? o.dockerfileName}`);
    try {
      const r = parse(o.dockerfile);
      ast = r.ast;
      parseWarnings = r.warnings;
      this.lex = new ShellLex(r.escapeToken);
    } catch (e) {
      if (e instanceof DockerfileParseError) {
        const msg = `dockerfile parse error on line ${e.line}: ${e.message}`;
        if (defV) {
          await this.kit!.row(defV, `transferring dockerfile: ${new TextEncoder().encode(o.dockerfile).length}B`);
          await this.kit!.error(defV, `failed to solve: ${msg}`);
        }
        throw new BuildFailure(o.classic ? `Error response from daemon: ${msg}` : `ERROR: failed to build: failed to solve: ${msg}`);
      }
      throw e;
    }
    if (defV) {
      await this.kit!.row(defV, `transferring dockerfile: ${new TextEncoder().encode(o.dockerfile).length}B`);
      // BuildKit reports its build checks on the definition's vertex (the order buildx prints
      // them in is a map's, so any; here the Dockerfile's).
      for (const w of lintDockerfile(ast, parseWarnings).sort((a, b) => a.line - b.line)) await this.kit!.warn(defV, lintShort(w));
      await this.kit!.done(defV);
    }
    const ignoreFile = o.context.get('.dockerignore');
    const ignore = new DockerIgnore(ignoreFile ? new TextDecoder().decode(ignoreFile.data) : '');
    const ctx = applyIgnore(o.context, ignore, [o.dockerfileName, '.dockerignore']);
    if (o.classic) await this.out(`Sending build context to Docker daemon  ${humanSize(contextTarSize(ctx))}\n`);

    try {
      return await this.build(ast, ctx);
    } catch (e) {
      // The steps that did finish stay in the cache, not in `docker images`.
      if (!o.classic) for (const id of this.intermediates) this.d.store.setCacheOnly(id, true);
      await this.kit?.finish(true);
      throw e;
    }
  }

  private async build(ast: Node, ctx: BuildContext): Promise<string> {
    const o = this.o;
    const ignoreFile = o.context.get('.dockerignore');
    const stages = this.stages(ast);
    const target = this.targetStage(stages);
    const needed = o.classic ? new Set(stages.filter((s) => s.index <= target.index).map((s) => s.index)) : this.dependencies(stages, target);
    const run = stages.filter((s) => needed.has(s.index));
    this.totalSteps = run.reduce((n, s) => n + 1 + s.nodes.length, 0);

    if (this.kit) {
      for (const ref of this.externalRefs(run, stages)) {
        const v = await this.kit.start(`[internal] load metadata for ${ref}`);
        await this.kit.done(v);
      }
      const iv = await this.kit.start('[internal] load .dockerignore');
      await this.kit.row(iv, `transferring context: ${ignoreFile ? ignoreFile.data.length : 2}B`);
      await this.kit.done(iv);
    }
    for (const stage of run) {
      const usesContext = stage.nodes.some((n) => (n.value === 'copy' || n.value === 'add') && !n.flags.some((f) => f.startsWith('--from=')) && n.heredocs.length === 0);
      await this.runStage(stage, stages, ctx, run.length > 1 || stages.length > 1, usesContext);
    }
    const final = target.image!;
    return this.finish(final);
  }

  // ---- stages ----

  private stages(ast: Node): Stage[] {
    const stages: Stage[] = [];
    for (const n of ast.children) {
      if (!INSTRUCTIONS.includes(n.value)) throw this.parseError(n, unknownInstruction(n));
      if (n.value === 'from') {
        const ws = words(n);
        if (ws.length !== 1 && ws.length !== 3) throw this.parseError(n, 'FROM requires either one or three arguments');
        let name: string | undefined;
        if (ws.length === 3) {
          if (ws[1].toLowerCase() !== 'as') throw this.parseError(n, 'FROM requires either one or three arguments');
          name = ws[2].toLowerCase();
          if (!/^[a-z][a-z0-9-_.]*$/.test(name)) throw this.parseError(n, `invalid name for build stage: "${ws[2]}", name can't start with a number or contain symbols`);
        }
        stages.push({ index: stages.length, name, from: n, nodes: [], args: new Map() });
      } else if (stages.length === 0) {
        if (n.value !== 'arg') throw this.parseError(n, 'no build stage in current context');
        for (const w of words(n)) {
          const eq = w.indexOf('=');
          const key = eq < 0 ? w : w.slice(0, eq);
          const def = eq < 0 ? undefined : this.lex.processWord(w.slice(eq + 1), this.envOf(new Map(), [...this.metaArgs]));
          this.metaArgs.set(key, this.o.buildArgs[key] ?? def);
          if (key in this.o.buildArgs) this.usedArgs.add(key);
        }
      } else stages[stages.length - 1].nodes.push(n);
    }
    if (stages.length === 0) throw new BuildFailure(this.o.classic ? 'Error response from daemon: No image was generated. Is your Dockerfile empty?' : 'ERROR: failed to build: failed to solve: the Dockerfile has no FROM instruction');
    return stages;
  }

  private parseError(n: Node, msg: string): BuildFailure {
    const text = `dockerfile parse error on line ${n.startLine}: ${msg}`;
    if (this.o.classic) return new BuildFailure(`Error response from daemon: ${text}`);
    return new BuildFailure(`${this.excerpt(n)}ERROR: failed to build: failed to solve: ${text}`);
  }

  /** The Dockerfile lines around an instruction, as BuildKit shows them with an error. */
  private excerpt(node: Node): string {
    const lines = this.o.dockerfile.split('\n');
    let text = '';
    for (let l = Math.max(1, node.startLine - 2); l <= Math.min(lines.length, node.endLine + 2); l++) {
      text += ` ${String(l).padStart(3)} | ${l >= node.startLine && l <= node.endLine ? '>>>' : '   '} ${lines[l - 1]}\n`;
    }
    return `${this.o.dockerfileLabel ?? this.o.dockerfileName}:${node.startLine}\n--------------------\n${text}--------------------\n`;
  }

  private targetStage(stages: Stage[]): Stage {
    if (!this.o.target) return stages[stages.length - 1];
    const t = stages.find((s) => s.name === this.o.target!.toLowerCase());
    if (!t) {
      throw new BuildFailure(this.o.classic ? `Error response from daemon: failed to reach build target ${this.o.target} in Dockerfile` : `ERROR: failed to build: failed to solve: target stage "${this.o.target}" could not be found`);
    }
    return t;
  }

  private stageRef(ref: string, stages: Stage[], before: number): Stage | undefined {
    const byName = stages.find((s) => s.index < before && s.name === ref.toLowerCase());
    if (byName) return byName;
    if (/^\d+$/.test(ref) && Number(ref) < before) return stages[Number(ref)];
    return undefined;
  }

  private fromRef(stage: Stage): string {
    return this.lex.processWord(words(stage.from)[0], this.envOf(new Map(), [...this.metaArgs]));
  }

  /** Stages the target needs (FROM <stage>, COPY --from=<stage>), BuildKit builds only those. */
  private dependencies(stages: Stage[], target: Stage): Set<number> {
    const need = new Set<number>();
    const visit = (s: Stage) => {
      if (need.has(s.index)) return;
      need.add(s.index);
      const base = this.stageRef(this.fromRef(s), stages, s.index);
      if (base) visit(base);
      for (const n of s.nodes) {
        const from = n.flags.find((f) => f.startsWith('--from='))?.slice(7);
        const dep = from ? this.stageRef(from, stages, s.index) : undefined;
        if (dep) visit(dep);
      }
    };
    visit(target);
    return need;
  }

  private externalRefs(run: Stage[], stages: Stage[]): string[] {
    const refs: string[] = [];
    for (const s of run) {
      const ref = this.fromRef(s);
      if (ref !== 'scratch' && !this.stageRef(ref, stages, s.index)) {
        const norm = this.d.normalize(ref);
        if (!refs.includes(norm)) refs.push(norm);
      }
    }
    return refs;
  }

  // ---- running ----

  private envOf(stageEnv: Map<string, string>, args: [string, string | undefined][]): Map<string, string> {
    const m = new Map<string, string>();
    for (const [k, v] of args) if (v !== undefined) m.set(k, v);
    for (const [k, v] of stageEnv) m.set(k, v);
    return m;
  }

  private stageEnv(img: Image): Map<string, string> {
    const m = new Map<string, string>();
    for (const kv of img.config.config.Env ?? []) {
      const i = kv.indexOf('=');
      m.set(i < 0 ? kv : kv.slice(0, i), i < 0 ? '' : kv.slice(i + 1));
    }
    return m;
  }

  private expand(stage: Stage, word: string): string {
    return this.lex.processWord(word, this.envOf(this.stageEnv(stage.image!), [...stage.args]));
  }

  /**
   * The next step's label, as dockerfile2llb's prefixCommand makes it: the stage's name when the
   * Dockerfile has several stages, then `index/total`, where the total counts a FROM of an image
   * (not `scratch`, not another stage), each RUN, COPY, ADD and WORKDIR, and ONBUILD triggers.
   */
  private label(stage: Stage, multi: boolean, trigger = false): string {
    const n = stage.cmdTotal ?? 0;
    const i = (stage.cmdIndex = (stage.cmdIndex ?? 0) + 1);
    const idx = `${String(i).padStart(String(n).length)}/${n}`;
    return (multi ? `[${stage.name ?? `stage-${stage.index}`} ${idx}]` : `[${idx}]`) + (trigger ? ' ONBUILD' : '');
  }

  private countSteps(stage: Stage, fromImage: boolean, triggers: number): void {
    stage.cmdTotal = (fromImage ? 1 : 0) + stage.nodes.filter((n) => VERTEX_INSTRUCTIONS.has(n.value)).length + triggers;
    stage.cmdIndex = 0;
  }

  private contextSent = false;

  /** `[internal] load build context`: once, before the first step that copies from it. */
  private async loadContext(ctx: BuildContext): Promise<void> {
    if (!this.kit || this.contextSent) return;
    this.contextSent = true;
    const v = await this.kit.start('[internal] load build context');
    let bytes = 0;
    for (const f of ctx.values()) bytes += f.kind === 'file' ? (f.size ?? f.data.length) : 0;
    await this.kit.row(v, `transferring context: ${humanSize(bytes)}`);
    await this.kit.done(v);
  }

  private async runStage(stage: Stage, stages: Stage[], ctx: BuildContext, multi: boolean, usesContext = false): Promise<void> {
    const ref = this.fromRef(stage);
    // FROM
    this.stepNo++;
    const fromText = `FROM ${stage.from.original.replace(/^\S+\s+/, '')}`;
    const base = this.stageRef(ref, stages, stage.index);
    const fromStep = ++this.eventStep;
    const stageName = stage.name ?? `stage-${stage.index}`;
    this.d.emit?.({ type: 'build.step.started', step: fromStep, stage: stageName, text: fromText, parentId: '' });
    let present = !base && ref !== 'scratch' && !this.o.pull && this.d.store.find(ref) !== undefined;
    if (base) {
      stage.image = base.image;
      // BuildKit continues from the other stage's state: no step of its own.
      this.countSteps(stage, false, 0);
      if (!this.kit) {
        await this.out(`Step ${this.stepNo}/${this.totalSteps} : ${fromText}\n ---> ${shortId(stage.image!.id)}\n`);
      }
    } else if (ref === 'scratch') {
      stage.image = this.scratch();
      this.countSteps(stage, false, 0);
      if (this.kit) {
        // BuildKit has no vertex for scratch.
      } else await this.out(`Step ${this.stepNo}/${this.totalSteps} : ${fromText}\n ---> \n`);
    } else {
      if (!this.kit) await this.out(`Step ${this.stepNo}/${this.totalSteps} : ${fromText}\n`);
      stage.image = await this.baseImage(ref, stage, multi);
      // A base kept in the build cache downloads nothing: it counts as present.
      present ||= !this.baseDownloaded;
      if (!this.kit) await this.out(` ---> ${shortId(stage.image.id)}\n`);
    }
    {
      const reason = base ? `the image stage ${base.name ?? base.index} of this build made` : ref === 'scratch' ? 'scratch: an empty image, no layers' : present ? 'the base image is already in the image store' : 'the base image was pulled';
      const img = stage.image!;
      const top = img.layers[img.layers.length - 1] as Layer | undefined;
      this.d.emit?.({ type: 'build.step', step: fromStep, stage: stageName, text: fromText, cached: !!base || present, reason, parentId: '', imageId: img.id, layer: top?.diffId, size: top?.size ?? 0, files: [] });
    }
    if (ref !== 'scratch' && !base) {
      for (const trigger of stage.image!.config.config.OnBuild ?? []) {
        const inner = parse(trigger).ast.children[0];
        if (!this.kit) await this.out(`# Executing 1 build trigger\n`);
        await this.step(stage, inner, ctx, stages, multi, true);
      }
    }
    if (usesContext) await this.loadContext(ctx);
    for (const node of stage.nodes) {
      this.stepNo++;
      await this.step(stage, node, ctx, stages, multi, false);
    }
  }

  private scratch(): Image {
    const config: ImageConfig = { architecture: 'amd64', os: 'linux', config: { Env: [], Cmd: null }, rootfs: { type: 'layers', diff_ids: [] }, history: [] };
    // `FROM scratch` is no image at all: the empty start of a stage, never listed.
    const img = this.d.store.add(config, []);
    if (!this.d.store.repoTags(img.id).length) this.d.store.setCacheOnly(img.id, true);
    return img;
  }

  private async baseImage(ref: string, stage: Stage, multi: boolean): Promise<Image> {
    const norm = this.d.normalize(ref);
    let img = this.o.pull ? undefined : this.d.store.find(ref);
    const pulled: { id: string; status: string }[] = [];
    let resolvedDigest: string | undefined;
    let downloaded = false;
    if (!img) {
      try {
        img = await this.d.pull(ref, async (p) => {
          if (this.kit) {
            if (p.id) pulled.push({ id: p.id, status: p.status });
            if (p.status === 'Pull complete') downloaded = true;
            const d = /^Digest: (sha256:[0-9a-f]{64})$/.exec(p.status);
            if (d) resolvedDigest = d[1];
          } else if (p.id) {
            if (p.status === 'Pull complete') downloaded = true;
            await this.out(`${p.id}: ${p.status}\n`);
          } else await this.out(`${p.status}\n`);
        }, !!this.kit);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        if (this.kit) {
          this.countSteps(stage, true, 0);
          const v = await this.kit.start(`${this.label(stage, multi)} FROM ${norm}`);
          await this.kit.error(v, msg);
        }
        throw new BuildFailure(this.o.classic ? `Error response from daemon: ${msg}` : `ERROR: failed to build: failed to solve: ${norm}: failed to resolve source metadata for ${norm}: ${msg}`);
      }
    }
    if (this.kit) {
      // The vertex is named with the digest the metadata step resolved.
      const digest = this.d.store.repoDigests(img.id)[0]?.split('@')[1] ?? resolvedDigest;
      const full = digest ? `${norm}@${digest}` : norm;
      this.countSteps(stage, true, img.config.config.OnBuild?.length ?? 0);
      const v = await this.kit.start(`${this.label(stage, multi)} FROM ${full}`);
      await this.kit.row(v, `resolve ${full}`, '0.0s');
      // Layers already here (a base pulled into the build cache before) make the step CACHED.
      if (downloaded) {
        for (const p of pulled.filter((x) => /Pull complete/.test(x.status))) await this.kit.row(v, `extracting sha256:${p.id}`, '0.1s');
        await this.kit.done(v);
      } else await this.kit.cached(v);
    }
    this.baseDownloaded = downloaded;
    return img;
  }

  /** Run one instruction; the stage's image becomes the result. */
  private async step(stage: Stage, node: Node, ctx: BuildContext, stages: Stage[], multi: boolean, trigger: boolean): Promise<void> {
    const kw = node.value.toUpperCase();
    const text = `${kw} ${node.original.replace(/^\S+\s*/, '')}`.trimEnd();
    if (!this.kit) await this.out(`${trigger ? '' : `Step ${this.stepNo}/${this.totalSteps} : `}${text}\n`);
    // BuildKit shows a step only for what makes a layer (RUN, COPY, ADD, a WORKDIR other than /).
    const vertex = this.kit && VERTEX_INSTRUCTIONS.has(node.value) && !(node.value === 'workdir' && this.workdirOf(stage, node) === '/');
    const v = vertex ? await this.kit!.start(`${this.label(stage, multi, trigger)} ${text}`) : undefined;
    const parent = stage.image!;
    const stageName = stage.name ?? `stage-${stage.index}`;
    const stepNo = ++this.eventStep;
    this.d.emit?.({ type: 'build.step.started', step: stepNo, stage: stageName, text, parentId: parent.id });
    const plan = this.plan(stage, node, ctx, stages);
    // The classic builder and BuildKit keep separate caches (their images differ in history).
    const key = this.o.classic ? `classic\n${plan.key}` : plan.key;
    const decision = this.d.cache.decide(parent.id, key, plan.detail ?? '', {
      noCache: this.o.noCache,
      kind: plan.kind ?? 'none',
      now: this.now(),
      alive: (id) => this.d.store.get(id) !== undefined,
    });
    if (decision.hit) {
      const cached = this.d.store.get(decision.record.imageId)!;
      stage.image = cached;
      if (v) await this.kit!.cached(v);
      else if (!this.kit) await this.out(` ---> Using cache\n ---> ${shortId(cached.id)}\n`);
      const files = decision.record.files;
      this.d.emit?.({ type: 'build.step', step: stepNo, stage: stageName, text, cached: true, reason: decision.reason, parentId: parent.id, imageId: cached.id, ...newLayer(parent, cached), files });
      return;
    }
    this.lastFiles = [];
    let img: Image;
    try {
      img = await plan.apply(v);
    } catch (e) {
      if (e instanceof BuildFailure) {
        if (v) await this.kit!.error(v, e.message);
        throw this.failure(e, node, v?.name ?? text, v?.logs);
      }
      throw e;
    }
    stage.image = img;
    const added = newLayer(parent, img);
    this.d.cache.record(parent.id, key, plan.detail ?? '', { imageId: img.id, size: added.size, files: this.lastFiles }, this.now());
    if (v) await this.kit!.done(v);
    else if (!this.kit) await this.out(` ---> ${shortId(img.id)}\n`);
    this.d.emit?.({ type: 'build.step', step: stepNo, stage: stageName, text, cached: false, reason: decision.reason, parentId: parent.id, imageId: img.id, ...added, files: this.lastFiles });
  }

  private failure(e: BuildFailure, node: Node, name: string, logs: string[] = []): BuildFailure {
    if (this.o.classic) return e;
    // The box repeats the step's last output lines, so the reason is right above the error.
    const shown = logs.map((l) => l + '\n').join('');
    return new BuildFailure(`------\n > ${name}:\n${shown}------\n${this.excerpt(node)}ERROR: failed to build: failed to solve: ${e.message}`, e.status);
  }

  /** The directory a WORKDIR instruction makes current (relative to the one before). */
  private workdirOf(stage: Stage, node: Node): string {
    const raw = this.expand(stage, words(node)[0] ?? '');
    const cur = stage.image!.config.config.WorkingDir || '/';
    return raw.startsWith('/') ? normalizePath(raw) : normalizePath(`${cur}/${raw}`);
  }

  /** What a step will do: its cache key and how to apply it. */
  private plan(stage: Stage, node: Node, ctx: BuildContext, stages: Stage[]): StepPlan {
    const ws = words(node);
    const parent = stage.image!;
    const cfg = () => cloneConfig(parent.config);
    const meta = (mutate: (c: ContainerConfig) => void, createdBy: string, classicBy?: string) => ({
      key: instructionKey(node),
      apply: async () => {
        await this.classicContainer(parent);
        const c = cfg();
        mutate(c.config);
        return this.commitConfig(parent, c, this.history(createdBy, classicBy ?? `/bin/sh -c #(nop)  ${createdBy}`, true));
      },
    });
    const kw = node.value;
    switch (kw) {
      case 'run': {
        const argv = node.attributes.json ? ws : [...(parent.config.config.Shell ?? ['/bin/sh', '-c']), ws.join(' ')];
        const heredocs = node.heredocs;
        const args = [...stage.args].filter(([k, v]) => v !== undefined && !(this.stageEnv(parent).has(k)));
        for (const [k] of args) this.usedArgs.add(k);
        const argPrefix = args.length ? `|${args.length} ${args.map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
        const shown = node.attributes.json ? ws.join(' ') : argv.join(' ');
        let mounts: RunMount[];
        try {
          mounts = parseRunMounts(node.flags);
        } catch (e) {
          throw this.parseError(node, (e as Error).message);
        }
        if (mounts.length && this.o.classic) throw new BuildFailure('Error response from daemon: the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled');
        // BuildKit keeps the mount flags in the history text; the classic builder has no mounts.
        const mountText = mounts.length ? node.flags.filter((f) => f.startsWith('--mount=')).join(' ') + ' ' : '';
        return {
          key: instructionKey(node),
          detail: argPrefix,
          kind: 'args',
          apply: (v) => this.runStep(stage, argv, args as [string, string][], heredocs.map((h) => h.content), v, `RUN ${mountText}${argPrefix}${shown} # buildkit`, `${argPrefix}${shown}`, mounts, ctx),
        };
      }
      case 'cmd': case 'entrypoint': {
        const value = node.attributes.json ? ws : [...(parent.config.config.Shell ?? ['/bin/sh', '-c']), ws.join(' ')];
        const text = `${kw.toUpperCase()} ${goQuote(value)}`;
        if (kw === 'cmd') (stage as Stage & { cmdSet?: boolean }).cmdSet = true;
        return meta((c) => {
          if (kw === 'cmd') {
            c.Cmd = value;
            if (!node.attributes.json) c.ArgsEscaped = true;
          } else {
            c.Entrypoint = value;
            if (!(stage as Stage & { cmdSet?: boolean }).cmdSet) c.Cmd = null;
          }
        }, text);
      }
      case 'env': case 'label': {
        const pairs: [string, string][] = [];
        const env = this.envOf(this.stageEnv(parent), [...stage.args]);
        for (let k = 0; k + 1 < ws.length; k += 3) {
          const name = this.lex.processWord(ws[k], env);
          if (!name) throw new BuildFailure(`${kw.toUpperCase()} names can not be blank`);
          pairs.push([name, this.lex.processWord(ws[k + 1], env)]);
        }
        const text = `${kw.toUpperCase()} ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`;
        return meta((c) => {
          if (kw === 'label') c.Labels = sortedKeys({ ...(c.Labels ?? {}), ...Object.fromEntries(pairs) });
          else {
            const list = [...(c.Env ?? [])];
            for (const [k, val] of pairs) {
              const at = list.findIndex((e) => e === k || e.startsWith(k + '='));
              if (at >= 0) list[at] = `${k}=${val}`;
              else list.push(`${k}=${val}`);
            }
            c.Env = list;
          }
        }, text);
      }
      case 'arg': {
        const decl: [string, string | undefined][] = ws.map((w) => {
          const eq = w.indexOf('=');
          return eq < 0 ? [w, undefined] : [w.slice(0, eq), this.expand(stage, w.slice(eq + 1))];
        });
        // The declaration takes effect whether or not the step itself is cached.
        for (const [k, def] of decl) {
          const given = Object.prototype.hasOwnProperty.call(this.o.buildArgs, k) ? this.o.buildArgs[k] : undefined;
          if (given !== undefined) this.usedArgs.add(k);
          stage.args.set(k, given ?? def ?? (this.metaArgs.has(k) ? this.metaArgs.get(k) : undefined));
        }
        return {
          key: instructionKey(node),
          apply: async () => {
            await this.classicContainer(parent);
            return this.commitConfig(parent, cfg(), this.history(`ARG ${ws.join(' ')}`, `/bin/sh -c #(nop)  ARG ${ws.join(' ')}`, true));
          },
        };
      }
      case 'maintainer':
        return { key: instructionKey(node), apply: async () => {
          await this.classicContainer(parent);
          const c = cfg();
          c.author = ws.join(' ');
          return this.commitConfig(parent, c, this.history(`MAINTAINER ${ws.join(' ')}`, `/bin/sh -c #(nop)  MAINTAINER ${ws.join(' ')}`, true));
        } };
      case 'expose': {
        const ports = ws.flatMap((w) => this.lex.processWords(w, this.envOf(this.stageEnv(parent), [...stage.args]))).map((p) => (p.includes('/') ? p.toLowerCase() : `${p}/tcp`));
        return meta((c) => {
          c.ExposedPorts = { ...(c.ExposedPorts ?? {}) };
          for (const p of ports) c.ExposedPorts[p] = {};
          c.ExposedPorts = sortedKeys(c.ExposedPorts);
        }, `EXPOSE [${ports.join(' ')}]`, `/bin/sh -c #(nop)  EXPOSE ${ports.map((p) => p.replace('/tcp', '')).join(' ')}`);
      }
      case 'volume': {
        const vols = ws.map((w) => this.expand(stage, w));
        if (vols.some((x) => !x)) throw new BuildFailure('VOLUME specified can not be an empty string');
        return meta((c) => {
          c.Volumes = { ...(c.Volumes ?? {}) };
          for (const p of vols) c.Volumes[p] = {};
          c.Volumes = sortedKeys(c.Volumes);
        }, `VOLUME [${vols.join(' ')}]`, `/bin/sh -c #(nop)  VOLUME [${vols.map((x) => JSON.stringify(x)).join(' ')}]`);
      }
      case 'user': {
        const u = this.expand(stage, ws[0] ?? '');
        return meta((c) => void (c.User = u), `USER ${u}`);
      }
      case 'stopsignal': {
        const sig = this.expand(stage, ws[0] ?? '');
        return meta((c) => void (c.StopSignal = sig), `STOPSIGNAL ${sig}`);
      }
      case 'shell':
        return meta((c) => void (c.Shell = ws), `SHELL [${ws.join(' ')}]`);
      case 'onbuild': {
        const inner = node.next?.children[0];
        const trig = inner ? inner.original : '';
        if (inner && (inner.value === 'from' || inner.value === 'maintainer')) throw new BuildFailure(`${inner.value.toUpperCase()} isn't allowed as an ONBUILD trigger`);
        if (inner?.value === 'onbuild') throw new BuildFailure('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
        return meta((c) => void (c.OnBuild = [...(c.OnBuild ?? []), trig]), `ONBUILD ${trig}`);
      }
      case 'healthcheck':
        return meta((c) => {
          const type = (ws[0] ?? '').toUpperCase();
          if (type === 'NONE') c.Healthcheck = { Test: ['NONE'] };
          else {
            const opts = Object.fromEntries(node.flags.map((f) => f.replace(/^--/, '').split('=')));
            const dur = (s?: string) => (s ? parseDuration(s) : 0);
            c.Healthcheck = {
              Test: node.attributes.json ? ['CMD', ...ws.slice(1)] : ['CMD-SHELL', ws.slice(1).join(' ')],
              ...(opts.interval ? { Interval: dur(opts.interval) } : {}),
              ...(opts.timeout ? { Timeout: dur(opts.timeout) } : {}),
              ...(opts['start-period'] ? { StartPeriod: dur(opts['start-period']) } : {}),
              ...(opts.retries ? { Retries: Number(opts.retries) } : {}),
            };
          }
        }, `HEALTHCHECK ${node.original.replace(/^\S+\s*/, '')}`);
      case 'workdir': {
        const dir = this.workdirOf(stage, node);
        return {
          key: instructionKey(node) + '\n' + dir,
          apply: async () => this.classicContainer(parent).then(() => this.fsStep(stage, `WORKDIR ${dir}`, `/bin/sh -c #(nop) WORKDIR ${dir}`, (fs) => {
            if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true, mode: 0o755 });
          }, (c) => void (c.WorkingDir = dir), dir === '/')),
        };
      }
      case 'copy': case 'add':
        return this.copyPlan(stage, node, ctx, stages);
      default:
        throw new BuildFailure(`unknown instruction: ${kw.toUpperCase()}`);
    }
  }

  private copyPlan(stage: Stage, node: Node, ctx: BuildContext, stages: Stage[]): StepPlan {
    const kw = node.value;
    const ws = words(node).map((w) => this.expand(stage, w));
    const flags = Object.fromEntries(node.flags.map((f) => {
      const eq = f.indexOf('=');
      return eq < 0 ? [f.slice(2), 'true'] : [f.slice(2, eq), this.expand(stage, f.slice(eq + 1))];
    }));
    for (const f of Object.keys(flags)) {
      if (!['from', 'chown', 'chmod', 'link', 'parents', 'exclude', 'checksum', 'keep-git-dir'].includes(f)) throw new BuildFailure(`unknown flag: ${f}`);
    }
    if (ws.length < 2 && node.heredocs.length === 0) {
      throw new BuildFailure(`${kw.toUpperCase()} requires at least two arguments, but only one was provided. Destination could not be determined`);
    }
    const dest = ws[ws.length - 1];
    const srcs = ws.slice(0, -1);
    let source: CopySource;
    if (flags.from) {
      const st = this.stageRef(flags.from, stages, stage.index);
      if (st) source = { kind: 'image', image: st.image! };
      else source = { kind: 'pending-image', ref: flags.from };
    } else source = { kind: 'context', ctx };
    if (node.heredocs.length) {
      const docs = new Map(node.heredocs.map((h) => [h.name, h.content]));
      source = { kind: 'heredoc', docs };
    }
    const contentKey = source.kind === 'context' ? sha256hex(srcs.map((s) => contextDigest(ctx, s)).join('\n')) : source.kind === 'image' ? source.image.id : '';
    const flagText = node.flags.join(' ');
    const argText = `${flagText ? flagText + ' ' : ''}${srcs.join(' ')} ${dest}`;
    return {
      key: instructionKey(node),
      detail: contentKey,
      kind: 'files',
      apply: async () => {
        if (source.kind === 'pending-image') source = { kind: 'image', image: await this.d.pull(source.ref, async () => {}) };
        const cur = stage.image!.config.config.WorkingDir || '/';
        return this.fsStep(stage, `${kw.toUpperCase()} ${argText} # buildkit`, `/bin/sh -c #(nop) ${kw.toUpperCase()} ${srcs.map((s) => `file:${sha256hex(s).slice(0, 64)}`).join(' ')} in ${dest} `, (fs, root) => {
          const err = copyInto({ fs, root, source, srcs, dest, cwd: cur, add: kw === 'add', chown: flags.chown, chmod: flags.chmod, classic: this.o.classic });
          if (err) throw new BuildFailure(err);
        }, () => {});
      },
    };
  }

  private history(buildkitBy: string, classicBy: string, empty: boolean): HistoryEntry {
    const created = new Date(this.now()).toISOString();
    return this.o.classic
      ? { created, created_by: classicBy, ...(empty ? { empty_layer: true } : {}) }
      : { created, created_by: buildkitBy, comment: 'buildkit.dockerfile.v0', ...(empty ? { empty_layer: true } : {}) };
  }

  private commitConfig(parent: Image, config: ImageConfig, h: HistoryEntry, layer?: Layer): Image {
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

  /** A step that changes files: a container of the parent image, written to, frozen into a layer. */
  private async fsStep(
    stage: Stage,
    buildkitBy: string,
    classicBy: string,
    write: (fs: import('../../api/fs').Fs, root: import('../../api/fs').Fs) => void,
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
  private async classicContainer(parent: Image): Promise<void> {
    if (!this.o.classic) return;
    const id = this.createContainer(parent, ['/bin/sh'], []);
    await this.out(` ---> Running in ${id.slice(0, 12)}\n`);
    this.d.containers.remove(id, { force: true, volumes: true });
    await this.out(` ---> Removed intermediate container ${id.slice(0, 12)}\n`);
  }

  private createContainer(img: Image, argv: string[], args: [string, string | undefined][], hostConfig: Record<string, unknown> = {}): string {
    const env = [...(img.config.config.Env ?? [])];
    for (const [k, v] of args) if (v !== undefined && !env.some((e) => e.startsWith(k + '='))) env.push(`${k}=${v}`);
    return this.d.containers.create({
      config: { Image: img.id, Entrypoint: [''], Cmd: argv, Env: env, WorkingDir: img.config.config.WorkingDir || '/', User: img.config.config.User || '' },
      hostConfig,
    }).Id;
  }

  private async runStep(stage: Stage, argv: string[], args: [string, string][], heredocs: string[], v: Vertex | undefined, buildkitBy: string, classicBy: string, mounts: RunMount[] = [], ctx?: BuildContext): Promise<Image> {
    const parent = stage.image!;
    const cmd = heredocs.length ? [...argv.slice(0, -1), heredocs.join('')] : argv;
    let prepared: { hostConfig: Record<string, unknown>; done: () => void } | undefined;
    if (mounts.length && !this.o.classic) {
      const hostFs = this.d.hostFs?.();
      if (!hostFs || !ctx) throw new BuildFailure('RUN --mount needs the host filesystem, which this builder has not got');
      try {
        prepared = prepareRunMounts(mounts, hostFs, ctx, `${buildkitBy}\n${this.now()}`);
      } catch (e) {
        throw new BuildFailure((e as Error).message);
      }
    }
    let id: string;
    try {
      id = this.createContainer(parent, cmd, args, prepared?.hostConfig);
    } catch (e) {
      prepared?.done();
      throw e;
    }
    try {
      return await this.runIn(id, parent, argv, v, buildkitBy, classicBy);
    } finally {
      prepared?.done();
    }
  }

  private async runIn(id: string, parent: Image, argv: string[], v: Vertex | undefined, buildkitBy: string, classicBy: string): Promise<Image> {
    if (!this.kit) await this.out(` ---> Running in ${id.slice(0, 12)}\n`);
    const svc = this.d.containers;
    let pending = '';
    const flushLines = async (final: boolean) => {
      const parts = pending.split('\n');
      pending = final ? '' : parts.pop()!;
      for (const line of final ? parts.filter((l, k) => k < parts.length - 1 || l) : parts) {
        if (this.kit) await this.kit.log(v!, line);
        else await this.out(line + '\n');
      }
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
        const msg = e instanceof Error ? e.message : String(e);
        throw new BuildFailure(this.o.classic ? msg : `process "${argv.join(' ')}" did not complete successfully: ${msg}`, 1);
      }
      code = (await untilCancelled(svc.wait(id), this.o.cancel)).StatusCode;
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
      if (code !== 0) {
        const shown = argv.join(' ');
        throw new BuildFailure(this.o.classic ? `The command '${shown}' returned a non-zero code: ${code}` : `process "${shown}" did not complete successfully: exit code: ${code}`, this.o.classic ? code : 1);
      }
      const c = svc.get(id);
      this.lastFiles = changes(c.rootfs as Overlay);
      const layer = ((c.rootfs as Overlay).upper as MutableLayer).freeze({ mtime: this.now() });
      const cfg = cloneConfig(parent.config);
      const img = this.commitConfig(parent, cfg, this.history(buildkitBy, classicBy, false), layer);
      if (!this.kit) await this.out(` ---> Removed intermediate container ${id.slice(0, 12)}\n`);
      return img;
    } finally {
      svc.remove(id, { force: true, volumes: true });
    }
  }

  private async finish(final: Image): Promise<string> {
    const o = this.o;
    let img = final;
    if (Object.keys(o.labels).length) {
      const c = cloneConfig(img.config);
      c.config.Labels = sortedKeys({ ...(c.config.Labels ?? {}), ...o.labels });
      img = this.d.store.add(c, [...img.layers], { parent: img.parent });
    }
    // BuildKit's steps are cache records, not images: only the exported image is listed.
    if (!o.classic) {
      for (const id of this.intermediates) this.d.store.setCacheOnly(id, true);
      this.d.store.setCacheOnly(img.id, false);
    }
    const refs = o.tags.map((t) => this.d.normalize(t));
    for (const r of refs) this.d.tag(img.id, r);
    const unused = Object.keys(o.buildArgs).filter((k) => !this.usedArgs.has(k) && !PROXY_ARGS.includes(k));
    if (this.kit) {
      const v = await this.kit.start('exporting to image');
      await this.kit.row(v, 'exporting layers');
      await this.kit.row(v, `writing image ${img.id}`);
      for (const r of refs) await this.kit.row(v, `naming to ${r}`);
      await this.kit.done(v);
      await this.kit.finish(false);
    } else {
      if (unused.length) await this.out(`[Warning] One or more build-args [${unused.join(' ')}] were not consumed\n`);
      await this.out(`Successfully built ${shortId(img.id)}\n`);
      for (const t of o.tags) await this.out(`Successfully tagged ${familiar(t)}\n`);
    }
    return img.id;
  }
}

/** What a step's container changed, as `docker diff` says it (capped: the picture lists a few). */
function changes(rootfs: Overlay): Change[] {
  return rootfs.diff().slice(0, 200);
}

/** The layer `img` adds on top of `parent`, if any. */
function newLayer(parent: Image, img: Image): { layer?: string; size: number } {
  if (img.layers.length <= parent.layers.length) return { size: 0 };
  const top = img.layers[img.layers.length - 1] as Layer;
  return { layer: top.diffId, size: top.size ?? 0 };
}

/** Go marshals maps with sorted keys: image configs (and `inspect`) list labels, ports, volumes so. */
function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function familiar(t: string): string {
  return t.includes(':') && !t.endsWith(']') && t.lastIndexOf(':') > t.lastIndexOf('/') ? t : `${t}:latest`;
}

function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const s of p.split('/')) {
    if (!s || s === '.') continue;
    if (s === '..') parts.pop();
    else parts.push(s);
  }
  return '/' + parts.join('/');
}

function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)$/.exec(s);
  if (!m) return 0;
  const unit = { ns: 1, us: 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 }[m[2] as 'ns'];
  return Math.round(Number(m[1]) * unit);
}

/** Content address of what a COPY source names (the files and their modes), for the cache key. */
function contextDigest(ctx: BuildContext, src: string): string {
  const clean = src.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  let acc = clean + '|';
  for (const [path, f] of [...ctx].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (clean === '' || clean === '.' || path === clean || path.startsWith(clean + '/') || globish(clean, path)) {
      acc += `${path}:${f.kind}:${f.mode.toString(8)}:${sha256hex(f.data)};`;
    }
  }
  return acc;
}

function globish(pattern: string, path: string): boolean {
  if (!/[*?[]/.test(pattern)) return false;
  const re = new RegExp('^' + pattern.split('/').map((seg) => seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('/') + '(/.*)?$');
  return re.test(path);
}

export { DaemonError };

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
