/**
 * The instructions that change only the image config (a history entry with no layer): CMD,
 * ENTRYPOINT, ENV, LABEL, ARG, MAINTAINER, EXPOSE, VOLUME, USER, STOPSIGNAL, SHELL, ONBUILD,
 * HEALTHCHECK; and WORKDIR, which also creates the directory (a layer, unless it is `/`).
 */
import type { ContainerConfig } from '../../image/config';
import { instructionKey } from '../dockerfile/parser';
import type { Command, HealthcheckCommand } from '../instructions/types';
import type { BuildSession } from '../session';
import { BuildFailure, type Stage, type StepPlan } from '../types';
import { goDurationString, goQuote, goQuoteRune, sortedKeys } from '../util';
import { goQuote as goQuoteString } from '../dockerfile/go-quote';

type MetadataCommand = Exclude<Command, { kind: 'run' | 'copy' | 'add' }>;

export function planMetadata(s: BuildSession, stage: Stage, cmd: MetadataCommand): StepPlan {
  const parent = stage.image!;
  const key = instructionKey(cmd.node);
  const meta = (mutate: (c: ContainerConfig) => void, createdBy: string, classicBy?: string): StepPlan => ({
    key,
    apply: () => s.configStep(parent, (c) => mutate(c.config), createdBy, classicBy ?? `/bin/sh -c #(nop)  ${createdBy}`),
  });
  switch (cmd.kind) {
    case 'cmd': case 'entrypoint': {
      const value = cmd.prependShell ? [...(parent.config.config.Shell ?? ['/bin/sh', '-c']), ...cmd.cmdLine] : cmd.cmdLine;
      const text = `${cmd.kind.toUpperCase()} ${goQuote(value)}`;
      if (cmd.kind === 'cmd') {
        stage.cmdSet = true;
        return meta((c) => {
          c.Cmd = value;
          if (cmd.prependShell) c.ArgsEscaped = true;
        }, text);
      }
      return meta((c) => {
        c.Entrypoint = value;
        // ENTRYPOINT resets a CMD inherited from the base, not one set in this stage.
        if (!stage.cmdSet) c.Cmd = null;
      }, text);
    }
    case 'env': case 'label': {
      const KW = cmd.kind.toUpperCase();
      const env = s.stageWords(stage);
      const pairs: [string, string][] = (cmd.kind === 'env' ? cmd.env : cmd.labels).map((p) => {
        const name = s.lex.processWord(p.key, env);
        if (!name) throw new BuildFailure(`${KW} names can not be blank`);
        return [name, s.lex.processWord(p.value, env)];
      });
      const text = `${KW} ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`;
      return meta((c) => {
        if (cmd.kind === 'label') c.Labels = sortedKeys({ ...(c.Labels ?? {}), ...Object.fromEntries(pairs) });
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
      // The declaration takes effect whether or not the step itself is cached.
      for (const { key: k, value } of cmd.args) {
        const def = value === undefined ? undefined : s.expand(stage, value);
        const given = Object.prototype.hasOwnProperty.call(s.o.buildArgs, k) ? s.o.buildArgs[k] : undefined;
        if (given !== undefined) s.usedArgs.add(k);
        stage.args.set(k, given ?? def ?? (s.metaArgs.has(k) ? s.metaArgs.get(k) : undefined));
      }
      const text = cmd.args.map((a) => (a.value === undefined ? a.key : `${a.key}=${a.value}`)).join(' ');
      return { key, apply: () => s.configStep(parent, () => {}, `ARG ${text}`, `/bin/sh -c #(nop)  ARG ${text}`) };
    }
    case 'maintainer':
      return { key, apply: () => s.configStep(parent, (c) => void (c.author = cmd.maintainer), `MAINTAINER ${cmd.maintainer}`, `/bin/sh -c #(nop)  MAINTAINER ${cmd.maintainer}`) };
    case 'expose': {
      const ports = cmd.ports.flatMap((w) => s.lex.processWords(w, s.stageWords(stage))).map((p) => (p.includes('/') ? p.toLowerCase() : `${p}/tcp`));
      return meta((c) => {
        c.ExposedPorts = { ...(c.ExposedPorts ?? {}) };
        for (const p of ports) c.ExposedPorts[p] = {};
        c.ExposedPorts = sortedKeys(c.ExposedPorts);
      }, `EXPOSE [${ports.join(' ')}]`, `/bin/sh -c #(nop)  EXPOSE ${ports.map((p) => p.replace('/tcp', '')).join(' ')}`);
    }
    case 'volume': {
      const vols = cmd.volumes.map((w) => s.expand(stage, w));
      if (vols.some((x) => !x)) throw new BuildFailure('VOLUME specified can not be an empty string');
      return meta((c) => {
        c.Volumes = { ...(c.Volumes ?? {}) };
        for (const p of vols) c.Volumes[p] = {};
        c.Volumes = sortedKeys(c.Volumes);
      }, `VOLUME [${vols.join(' ')}]`, `/bin/sh -c #(nop)  VOLUME [${vols.map((x) => JSON.stringify(x)).join(' ')}]`);
    }
    case 'user': {
      const u = s.expand(stage, cmd.user);
      return meta((c) => void (c.User = u), `USER ${u}`);
    }
    case 'stopsignal': {
      const sig = s.expand(stage, cmd.signal);
      return meta((c) => void (c.StopSignal = sig), `STOPSIGNAL ${sig}`);
    }
    case 'shell':
      return meta((c) => void (c.Shell = cmd.shell), `SHELL [${cmd.shell.join(' ')}]`);
    case 'onbuild':
      return meta((c) => void (c.OnBuild = [...(c.OnBuild ?? []), cmd.expression]), `ONBUILD ${cmd.expression}`);
    case 'healthcheck':
      return meta((c) => {
        // Zero durations are left out, as the config's omitempty fields are.
        c.Healthcheck = {
          Test: cmd.test,
          ...(cmd.interval ? { Interval: cmd.interval } : {}),
          ...(cmd.timeout ? { Timeout: cmd.timeout } : {}),
          ...(cmd.startPeriod ? { StartPeriod: cmd.startPeriod } : {}),
          ...(cmd.startInterval ? { StartInterval: cmd.startInterval } : {}),
          ...(cmd.retries ? { Retries: cmd.retries } : {}),
        };
      }, ...healthcheckHistory(cmd));
    case 'workdir': {
      const dir = s.workdirOf(stage, cmd.path);
      return {
        key: key + '\n' + dir,
        apply: async () => {
          await s.classicContainer(parent);
          return s.fsStep(stage, `WORKDIR ${dir}`, `/bin/sh -c #(nop) WORKDIR ${dir}`, (fs) => {
            if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true, mode: 0o755 });
          }, (c) => void (c.WorkingDir = dir), dir === '/');
        },
      };
    }
  }
}

/**
 * The history texts of a HEALTHCHECK: BuildKit's `HEALTHCHECK %+v` of the config
 * (`{Test:[CMD-SHELL curl -f x] Interval:30s Timeout:0s StartPeriod:0s StartInterval:0s Retries:3}`),
 * the classic builder's `HEALTHCHECK %q` of a pointer to it (`&{["CMD-SHELL" "curl -f x"] "30s"
 * "0s" "0s" "0s" '\x03'}`).
 */
function healthcheckHistory(c: HealthcheckCommand): [string, string] {
  const d = goDurationString;
  const durations = [c.interval, c.timeout, c.startPeriod, c.startInterval];
  const buildkit = `HEALTHCHECK {Test:[${c.test.join(' ')}] Interval:${d(c.interval)} Timeout:${d(c.timeout)} StartPeriod:${d(c.startPeriod)} StartInterval:${d(c.startInterval)} Retries:${c.retries}}`;
  const classic = `/bin/sh -c #(nop)  HEALTHCHECK &{[${c.test.map(goQuoteString).join(' ')}] ${durations.map((x) => `"${d(x)}"`).join(' ')} ${goQuoteRune(c.retries)}}`;
  return [buildkit, classic];
}
