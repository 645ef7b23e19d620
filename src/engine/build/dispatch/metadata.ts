/**
 * The instructions that change only the image config (a history entry with no layer): CMD,
 * ENTRYPOINT, ENV, LABEL, ARG, MAINTAINER, EXPOSE, VOLUME, USER, STOPSIGNAL, SHELL, ONBUILD,
 * HEALTHCHECK; and WORKDIR, which also creates the directory (a layer, unless it is `/`).
 */
import type { ContainerConfig } from '../../image/config';
import { instructionKey, words } from '../dockerfile/parser';
import type { Node } from '../dockerfile/ast';
import type { BuildSession } from '../session';
import { BuildFailure, type Stage, type StepPlan } from '../types';
import { goQuote, parseDuration, sortedKeys } from '../util';

export function planMetadata(s: BuildSession, stage: Stage, node: Node): StepPlan {
  const ws = words(node);
  const parent = stage.image!;
  const meta = (mutate: (c: ContainerConfig) => void, createdBy: string, classicBy?: string): StepPlan => ({
    key: instructionKey(node),
    apply: () => s.configStep(parent, (c) => mutate(c.config), createdBy, classicBy ?? `/bin/sh -c #(nop)  ${createdBy}`),
  });
  const kw = node.value;
  switch (kw) {
    case 'cmd': case 'entrypoint': {
      const value = node.attributes.json ? ws : [...(parent.config.config.Shell ?? ['/bin/sh', '-c']), ws.join(' ')];
      const text = `${kw.toUpperCase()} ${goQuote(value)}`;
      if (kw === 'cmd') stage.cmdSet = true;
      return meta((c) => {
        if (kw === 'cmd') {
          c.Cmd = value;
          if (!node.attributes.json) c.ArgsEscaped = true;
        } else {
          c.Entrypoint = value;
          if (!stage.cmdSet) c.Cmd = null;
        }
      }, text);
    }
    case 'env': case 'label': {
      const pairs: [string, string][] = [];
      const env = s.stageWords(stage);
      for (let k = 0; k + 1 < ws.length; k += 3) {
        const name = s.lex.processWord(ws[k], env);
        if (!name) throw new BuildFailure(`${kw.toUpperCase()} names can not be blank`);
        pairs.push([name, s.lex.processWord(ws[k + 1], env)]);
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
        return eq < 0 ? [w, undefined] : [w.slice(0, eq), s.expand(stage, w.slice(eq + 1))];
      });
      // The declaration takes effect whether or not the step itself is cached.
      for (const [k, def] of decl) {
        const given = Object.prototype.hasOwnProperty.call(s.o.buildArgs, k) ? s.o.buildArgs[k] : undefined;
        if (given !== undefined) s.usedArgs.add(k);
        stage.args.set(k, given ?? def ?? (s.metaArgs.has(k) ? s.metaArgs.get(k) : undefined));
      }
      return {
        key: instructionKey(node),
        apply: () => s.configStep(parent, () => {}, `ARG ${ws.join(' ')}`, `/bin/sh -c #(nop)  ARG ${ws.join(' ')}`),
      };
    }
    case 'maintainer':
      return {
        key: instructionKey(node),
        apply: () => s.configStep(parent, (c) => void (c.author = ws.join(' ')), `MAINTAINER ${ws.join(' ')}`, `/bin/sh -c #(nop)  MAINTAINER ${ws.join(' ')}`),
      };
    case 'expose': {
      const ports = ws.flatMap((w) => s.lex.processWords(w, s.stageWords(stage))).map((p) => (p.includes('/') ? p.toLowerCase() : `${p}/tcp`));
      return meta((c) => {
        c.ExposedPorts = { ...(c.ExposedPorts ?? {}) };
        for (const p of ports) c.ExposedPorts[p] = {};
        c.ExposedPorts = sortedKeys(c.ExposedPorts);
      }, `EXPOSE [${ports.join(' ')}]`, `/bin/sh -c #(nop)  EXPOSE ${ports.map((p) => p.replace('/tcp', '')).join(' ')}`);
    }
    case 'volume': {
      const vols = ws.map((w) => s.expand(stage, w));
      if (vols.some((x) => !x)) throw new BuildFailure('VOLUME specified can not be an empty string');
      return meta((c) => {
        c.Volumes = { ...(c.Volumes ?? {}) };
        for (const p of vols) c.Volumes[p] = {};
        c.Volumes = sortedKeys(c.Volumes);
      }, `VOLUME [${vols.join(' ')}]`, `/bin/sh -c #(nop)  VOLUME [${vols.map((x) => JSON.stringify(x)).join(' ')}]`);
    }
    case 'user': {
      const u = s.expand(stage, ws[0] ?? '');
      return meta((c) => void (c.User = u), `USER ${u}`);
    }
    case 'stopsignal': {
      const sig = s.expand(stage, ws[0] ?? '');
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
          const dur = (v?: string) => (v ? parseDuration(v) : 0);
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
      const dir = s.workdirOf(stage, ws[0] ?? '');
      return {
        key: instructionKey(node) + '\n' + dir,
        apply: async () => {
          await s.classicContainer(parent);
          return s.fsStep(stage, `WORKDIR ${dir}`, `/bin/sh -c #(nop) WORKDIR ${dir}`, (fs) => {
            if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true, mode: 0o755 });
          }, (c) => void (c.WorkingDir = dir), dir === '/');
        },
      };
    }
    default:
      throw new BuildFailure(`unknown instruction: ${kw.toUpperCase()}`);
  }
}
