/**
 * `docker build`: runs a parsed Dockerfile against the daemon. Each instruction turns the stage's
 * current image into the next one: RUN in a real container of the simulated kernel whose writable
 * layer is frozen into a new layer, COPY/ADD by writing files into a fresh container's layer, and
 * the metadata instructions by changing the image config (a history entry without a layer). Every
 * step is an image in the store (as the classic builder keeps them), and the cache maps
 * parent image + instruction (+ the content of copied files) to the child, so a repeated build —
 * under any tag — reuses them (`CACHED` / ` ---> Using cache`).
 *
 * This file runs the stages and steps; `stages.ts` finds the stages, `dispatch/` says what each
 * instruction does, `session.ts` commits, `printers/` words the output (BuildKit's or the
 * classic builder's, chosen once here).
 */
import type { Image } from '../image/store';
import type { Layer } from '../fs/layer';
import { cloneConfig } from '../image/config';
import { parse } from './dockerfile/parser';
import { DockerfileParseError, type Node, type ParseWarning } from './dockerfile/ast';
import { lintDockerfile, lintShort } from './lint';
import { applyIgnore, contextTarSize, DockerIgnore, type BuildContext } from './context';
import { ShellLex } from './dockerfile/shell-lex';
import type { BuildPrinter, Out, StepStart } from './printers/printer';
import { BuildKitPrinter } from './printers/buildkit';
import { ClassicPrinter } from './printers/classic';
import { BuildSession } from './session';
import { dependencies, externalRefs, fromRef, countSteps, splitStages, stageRef, stepLabel, targetStage, typed, VERTEX_INSTRUCTIONS } from './stages';
import type { Command } from './instructions/types';
import { baseImage, scratchImage } from './dispatch/from';
import { plan } from './dispatch';
import { BuildFailure, PROXY_ARGS, type BuildDeps, type BuildOptions, type Stage } from './types';
import { newLayer, sortedKeys } from './util';

export { BuildFailure, type BuildDeps, type BuildEventBody, type BuildOptions } from './types';

export class Builder {
  private readonly s: BuildSession;
  private readonly printer: BuildPrinter;
  /** The classic builder's `Step n/total` count. */
  private stepNo = 0;
  private totalSteps = 0;
  /** Step counter for the events (FROM included). */
  private eventStep = 0;
  private contextSent = false;

  constructor(
    private readonly d: BuildDeps,
    private readonly o: BuildOptions,
    out: Out,
  ) {
    this.printer = o.classic ? new ClassicPrinter(out) : new BuildKitPrinter(out, () => d.clock.now(), o.progress);
    this.s = new BuildSession(d, o, this.printer);
  }

  async run(): Promise<string> {
    const o = this.o;
    await this.printer.begin();
    // The definition and the ignore file travel first.
    let ast: Node;
    let parseWarnings: ParseWarning[] = [];
    const name = o.dockerfileLabel ?? o.dockerfileName;
    const bytes = new TextEncoder().encode(o.dockerfile).length;
    try {
      const r = parse(o.dockerfile);
      ast = r.ast;
      parseWarnings = r.warnings;
      this.s.lex = new ShellLex(r.escapeToken);
    } catch (e) {
      if (e instanceof DockerfileParseError) {
        const msg = `dockerfile parse error on line ${e.line}: ${e.message}`;
        await this.printer.definition(name, bytes, { error: msg });
        throw this.printer.fail(msg);
      }
      throw e;
    }
    // The order buildx prints the checks in is a map's, so any; here the Dockerfile's.
    const warnings = lintDockerfile(ast, parseWarnings).sort((a, b) => a.line - b.line).map(lintShort);
    await this.printer.definition(name, bytes, { warnings });
    const ignoreFile = o.context.get('.dockerignore');
    const ignore = new DockerIgnore(ignoreFile ? new TextDecoder().decode(ignoreFile.data) : '');
    const ctx = applyIgnore(o.context, ignore, [o.dockerfileName, '.dockerignore']);
    await this.printer.contextSize(contextTarSize(ctx));

    try {
      return await this.build(ast, ctx);
    } catch (e) {
      // The steps that did finish stay in the cache, not in `docker images`.
      if (!o.classic) for (const id of this.s.intermediates) this.d.store.setCacheOnly(id, true);
      await this.printer.end(true);
      throw e;
    }
  }

  private async build(ast: Node, ctx: BuildContext): Promise<string> {
    const o = this.o;
    const ignoreFile = o.context.get('.dockerignore');
    const stages = splitStages(this.s, ast);
    const target = targetStage(this.s, stages);
    const needed = o.classic ? new Set(stages.filter((st) => st.index <= target.index).map((st) => st.index)) : dependencies(this.s, stages, target);
    const run = stages.filter((st) => needed.has(st.index));
    this.totalSteps = run.reduce((n, st) => n + 1 + st.commands.length, 0);

    if (!o.classic) await this.printer.prepared(externalRefs(this.s, run, stages), ignoreFile ? ignoreFile.data.length : 2);
    for (const stage of run) {
      const usesContext = stage.commands.some((c) => ((c.kind === 'copy' && !c.from) || c.kind === 'add') && c.node.heredocs.length === 0);
      await this.runStage(stage, stages, ctx, run.length > 1 || stages.length > 1, usesContext);
    }
    return this.finish(target.image!);
  }

  /** `[internal] load build context`: once, before the first step that copies from it. */
  private async loadContext(ctx: BuildContext): Promise<void> {
    if (this.o.classic || this.contextSent) return;
    this.contextSent = true;
    let bytes = 0;
    for (const f of ctx.values()) bytes += f.kind === 'file' ? (f.size ?? f.data.length) : 0;
    await this.printer.contextLoaded(bytes);
  }

  private async runStage(stage: Stage, stages: Stage[], ctx: BuildContext, multi: boolean, usesContext = false): Promise<void> {
    const ref = fromRef(this.s, stage);
    // FROM
    this.stepNo++;
    const fromText = `FROM ${stage.from.node.original.replace(/^\S+\s+/, '')}`;
    const header: StepStart = { text: fromText, no: this.stepNo, total: this.totalSteps, trigger: false };
    const base = stageRef(ref, stages, stage.index);
    const fromStep = ++this.eventStep;
    const stageName = stage.name ?? `stage-${stage.index}`;
    this.d.emit?.({ type: 'build.step.started', step: fromStep, stage: stageName, text: fromText, parentId: '' });
    let present = !base && ref !== 'scratch' && !this.o.pull && this.d.store.find(ref) !== undefined;
    if (base) {
      stage.image = base.image;
      // BuildKit continues from the other stage's state: no step of its own.
      countSteps(stage, false, 0);
      await this.printer.fromStage(header, stage.image!.id);
    } else if (ref === 'scratch') {
      stage.image = scratchImage(this.s);
      countSteps(stage, false, 0);
      await this.printer.fromScratch(header);
    } else {
      await this.printer.fromImage(header);
      const got = await baseImage(this.s, ref, stage, multi);
      stage.image = got.image;
      // A base kept in the build cache downloads nothing: it counts as present.
      present ||= !got.downloaded;
    }
    {
      const reason = base ? `the image stage ${base.name ?? base.index} of this build made` : ref === 'scratch' ? 'scratch: an empty image, no layers' : present ? 'the base image is already in the image store' : 'the base image was pulled';
      const img = stage.image!;
      const top = img.layers[img.layers.length - 1] as Layer | undefined;
      this.d.emit?.({ type: 'build.step', step: fromStep, stage: stageName, text: fromText, cached: !!base || present, reason, parentId: '', imageId: img.id, layer: top?.diffId, size: top?.size ?? 0, files: [] });
    }
    if (ref !== 'scratch' && !base) {
      for (const trigger of stage.image!.config.config.OnBuild ?? []) {
        const inner = typed(this.s, parse(trigger).ast.children[0]);
        if (inner.kind === 'from') throw this.s.parseError(inner.node, 'FROM isn\'t allowed as an ONBUILD trigger');
        await this.printer.trigger();
        await this.step(stage, inner, ctx, stages, multi, true);
      }
    }
    if (usesContext) await this.loadContext(ctx);
    for (const cmd of stage.commands) {
      this.stepNo++;
      await this.step(stage, cmd, ctx, stages, multi, false);
    }
  }

  /** Run one instruction; the stage's image becomes the result. */
  private async step(stage: Stage, cmd: Command, ctx: BuildContext, stages: Stage[], multi: boolean, trigger: boolean): Promise<void> {
    const s = this.s;
    const node = cmd.node;
    const kw = node.value.toUpperCase();
    const text = `${kw} ${node.original.replace(/^\S+\s*/, '')}`.trimEnd();
    // BuildKit shows a step only for what makes a layer (RUN, COPY, ADD, a WORKDIR other than /).
    const vertex = !this.o.classic && VERTEX_INSTRUCTIONS.has(cmd.kind) && !(cmd.kind === 'workdir' && s.workdirOf(stage, cmd.path) === '/');
    const h = await this.printer.stepStarted({ text, no: this.stepNo, total: this.totalSteps, trigger, vertex: vertex ? `${stepLabel(stage, multi, trigger)} ${text}` : undefined });
    const parent = stage.image!;
    const stageName = stage.name ?? `stage-${stage.index}`;
    const stepNo = ++this.eventStep;
    this.d.emit?.({ type: 'build.step.started', step: stepNo, stage: stageName, text, parentId: parent.id });
    const p = plan(s, stage, cmd, ctx, stages);
    // The classic builder and BuildKit keep separate caches (their images differ in history).
    const key = this.o.classic ? `classic\n${p.key}` : p.key;
    const decision = this.d.cache.decide(parent.id, key, p.detail ?? '', {
      noCache: this.o.noCache,
      kind: p.kind ?? 'none',
      now: s.now(),
      alive: (id) => this.d.store.get(id) !== undefined,
    });
    if (decision.hit) {
      const cached = this.d.store.get(decision.record.imageId)!;
      stage.image = cached;
      await this.printer.stepCached(h, cached.id);
      const files = decision.record.files;
      this.d.emit?.({ type: 'build.step', step: stepNo, stage: stageName, text, cached: true, reason: decision.reason, parentId: parent.id, imageId: cached.id, ...newLayer(parent, cached), files });
      return;
    }
    s.lastFiles = [];
    let img: Image;
    try {
      img = await p.apply(h);
    } catch (e) {
      if (e instanceof BuildFailure) throw await this.printer.stepFailed(h, e, text, s.excerpt(node));
      throw e;
    }
    stage.image = img;
    const added = newLayer(parent, img);
    this.d.cache.record(parent.id, key, p.detail ?? '', { imageId: img.id, size: added.size, files: s.lastFiles }, s.now());
    await this.printer.stepDone(h, img.id);
    this.d.emit?.({ type: 'build.step', step: stepNo, stage: stageName, text, cached: false, reason: decision.reason, parentId: parent.id, imageId: img.id, ...added, files: s.lastFiles });
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
      for (const id of this.s.intermediates) this.d.store.setCacheOnly(id, true);
      this.d.store.setCacheOnly(img.id, false);
    }
    const refs = o.tags.map((t) => this.d.normalize(t));
    for (const r of refs) this.d.tag(img.id, r);
    const unused = Object.keys(o.buildArgs).filter((k) => !this.s.usedArgs.has(k) && !PROXY_ARGS.includes(k));
    await this.printer.exported(img.id, refs, o.tags, unused);
    await this.printer.end(false);
    return img.id;
  }
}
