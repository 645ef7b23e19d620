/**
 * make (GNU 4.3), enough for a Makefile of rules and recipes: variables (`=`, `:=`, `?=`, `+=`,
 * command-line `VAR=value`, the environment), `$(VAR)`/`${VAR}`, `$@ $< $^ $$`, `$(MAKE)`, the first
 * target as the default, prerequisites made first, a file target up to date when no prerequisite
 * is newer, recipe lines run one shell each (`@` silent, `-` ignores failures), `-C dir` with the
 * `Entering/Leaving directory` lines, sub-makes numbered `make[1]` through MAKELEVEL, and GNU's
 * error lines (`*** [Makefile:12: all] Error 127`, `No rule to make target`). Left out: pattern
 * and suffix rules, functions ($(shell), $(wildcard) …), conditionals, includes, -j.
 */
import type { ProgramContext } from '../process/types';
import { runCommand } from './lib/spawn';
import { pushAll } from '../../lib/arrays';

interface Rule {
  targets: string[];
  prereqs: string[];
  recipe: { text: string; line: number }[];
  line: number;
}

interface Makefile {
  name: string;
  vars: Map<string, string>;
  rules: Map<string, Rule>;
  first?: string;
  phony: Set<string>;
}

class MakeError extends Error {}

function parse(name: string, text: string, vars: Map<string, string>, fixed: Set<string>): Makefile {
  const mf: Makefile = { name, vars, rules: new Map(), phony: new Set() };
  const lines = text.replace(/\\\n[ \t]*/g, ' ').split('\n');
  let current: Rule | undefined;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.startsWith('\t')) {
      if (!current) throw new MakeError(`${name}:${line}: *** recipe commences before first target.  Stop.`);
      current.recipe.push({ text: raw.slice(1), line });
      return;
    }
    const l = raw.replace(/(^|[^\\])#.*/, '$1').trimEnd();
    if (!l.trim()) return;
    const assign = /^\s*([A-Za-z_][\w.-]*)\s*(\?=|:=|::=|\+=|=)\s*(.*)$/.exec(l);
    if (assign) {
      const [, k, op, v] = assign;
      current = undefined;
      if (fixed.has(k)) return;
      if (op === '?=') {
        if (!vars.has(k)) vars.set(k, v);
      } else if (op === '+=') vars.set(k, vars.has(k) ? `${vars.get(k)} ${v}` : v);
      else if (op === ':=' || op === '::=') vars.set(k, expand(v, vars, {}));
      else vars.set(k, v);
      return;
    }
    const colon = l.indexOf(':');
    if (colon < 0) throw new MakeError(`${name}:${line}: *** missing separator.  Stop.`);
    const targets = expand(l.slice(0, colon), vars, {}).split(/\s+/).filter(Boolean);
    const prereqs = expand(l.slice(colon + 1).replace(/^:/, ''), vars, {}).split(/\s+/).filter(Boolean);
    if (targets.includes('.PHONY')) {
      prereqs.forEach((p) => mf.phony.add(p));
      current = undefined;
      return;
    }
    current = { targets, prereqs, recipe: [], line };
    for (const t of targets) {
      const old = mf.rules.get(t);
      if (old) pushAll(old.prereqs, prereqs);
      else mf.rules.set(t, current);
    }
    if (!mf.first && !targets[0].startsWith('.')) mf.first = targets[0];
  });
  return mf;
}

function expand(s: string, vars: Map<string, string>, auto: Record<string, string>, depth = 0): string {
  if (depth > 20) return s;
  return s.replace(/\$(\$|[@<^]|\(([^()]*)\)|\{([^{}]*)\}|[A-Za-z])/g, (m, one: string, p: string | undefined, b: string | undefined) => {
    if (one === '$') return '$';
    const name = p ?? b ?? one;
    if (name in auto) return auto[name];
    const v = vars.get(name);
    return v === undefined ? '' : expand(v, vars, auto, depth + 1);
  });
}

export async function make(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const level = Number(ctx.env.MAKELEVEL ?? 0) || 0;
  const me = level ? `make[${level}]` : 'make';
  const err = (s: string) => ctx.stderr.write(s);
  let dir: string | undefined;
  let file: string | undefined;
  let silent = false;
  let dryRun = false;
  let keepGoing = false;
  let printDir = level > 0;
  const goals: string[] = [];
  const cmdVars = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-C' || a === '--directory') dir = args[++i];
    else if (a.startsWith('-C') && a.length > 2) dir = a.slice(2);
    else if (a.startsWith('--directory=')) dir = a.slice(12);
    else if (a === '-f' || a === '--file' || a === '--makefile') file = args[++i];
    else if (a === '-s' || a === '--silent' || a === '--quiet') silent = true;
    else if (a === '-n' || a === '--just-print' || a === '--dry-run') dryRun = true;
    else if (a === '-k' || a === '--keep-going') keepGoing = true;
    else if (a === '-w' || a === '--print-directory') printDir = true;
    else if (a === '--no-print-directory') printDir = false;
    else if (a === '-j' || a === '-l') i++;
    else if (/^-j\d*$/.test(a) || a.startsWith('--jobs')) continue;
    else if (a === '-v' || a === '--version') {
      await ctx.stdout.write('GNU Make 4.3\nBuilt for x86_64-pc-linux-gnu\nCopyright (C) 1988-2020 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n');
      return 0;
    } else if (a.startsWith('-')) {
      await err(`${me}: invalid option -- '${a.replace(/^-+/, '')[0]}'\nUsage: make [options] [target] ...\n`);
      return 2;
    } else if (/^[A-Za-z_][\w.-]*=/.test(a)) cmdVars.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
    else goals.push(a);
  }
  if (dir !== undefined && !silent) printDir = true;
  let cwd = ctx.fs.cwd;
  if (dir !== undefined) {
    const abs = ctx.fs.resolve(dir);
    let isDir = false;
    try {
      isDir = ctx.fs.stat(abs).kind === 'dir';
    } catch {
      /* reported below */
    }
    if (!isDir) {
      await err(`${me}: *** ${dir}: No such file or directory.  Stop.\n`);
      return 2;
    }
    cwd = abs;
  }
  const fs = ctx.fs.withCwd(cwd);
  const out = (s: string) => ctx.stdout.write(s);
  if (printDir) await out(`${me}: Entering directory '${cwd}'\n`);
  const leave = async (code: number) => {
    if (printDir) await out(`${me}: Leaving directory '${cwd}'\n`);
    return code;
  };
  const name = file ?? ['GNUmakefile', 'makefile', 'Makefile'].find((f) => fs.exists(f));
  if (!name || !fs.exists(name)) {
    if (file) await err(`${me}: ${file}: No such file or directory\n${me}: *** No rule to make target '${file}'.  Stop.\n`);
    else if (goals.length) await err(`${me}: *** No rule to make target '${goals[0]}'.  Stop.\n`);
    else await err(`${me}: *** No targets specified and no makefile found.  Stop.\n`);
    return leave(2);
  }
  const vars = new Map<string, string>(Object.entries(ctx.env));
  vars.set('MAKE', 'make');
  vars.set('CURDIR', cwd);
  for (const [k, v] of cmdVars) vars.set(k, v);
  let mf: Makefile;
  try {
    mf = parse(name, fs.readText(name), vars, new Set(cmdVars.keys()));
  } catch (e) {
    if (e instanceof MakeError) {
      await err(`${e.message}\n`);
      return leave(2);
    }
    throw e;
  }
  const wanted = goals.length ? goals : mf.first ? [mf.first] : [];
  if (!wanted.length) {
    await err(`${me}: *** No targets.  Stop.\n`);
    return leave(2);
  }
  const env = { ...ctx.env, MAKELEVEL: String(level + 1), ...Object.fromEntries(cmdVars) };
  const done = new Map<string, 'ran' | 'uptodate'>();
  const mtime = (t: string) => {
    try {
      return fs.stat(t).mtime;
    } catch {
      return undefined;
    }
  };

  /** Make one target; returns 0, or the status to stop with. */
  const build = async (t: string, top: boolean): Promise<number> => {
    if (done.has(t)) return 0;
    const rule = mf.rules.get(t);
    if (!rule) {
      if (mtime(t) !== undefined) {
        done.set(t, 'uptodate');
        return 0;
      }
      await err(`${me}: *** No rule to make target '${t}'.  Stop.\n`);
      return 2;
    }
    for (const p of rule.prereqs) {
      const st = await build(p, false);
      if (st) return st;
    }
    const mine = mtime(t);
    const stale = mf.phony.has(t) || mine === undefined || rule.prereqs.some((p) => done.get(p) === 'ran' || (mtime(p) ?? 0) > mine);
    if (!stale || !rule.recipe.length) {
      done.set(t, stale ? 'ran' : 'uptodate');
      if (top && !rule.recipe.length && stale && !rule.prereqs.length) await out(`${me}: Nothing to be done for '${t}'.\n`);
      else if (top && !stale) await out(`${me}: '${t}' is up to date.\n`);
      return 0;
    }
    const auto = { '@': t, '<': rule.prereqs[0] ?? '', '^': [...new Set(rule.prereqs)].join(' ') };
    for (const step of rule.recipe) {
      let text = expand(step.text, vars, auto);
      let quiet = silent;
      let ignore = false;
      for (;;) {
        if (text.startsWith('@')) quiet = true;
        else if (text.startsWith('-')) ignore = true;
        else if (!text.startsWith('+')) break;
        text = text.slice(1);
      }
      text = text.trim();
      if (!text) continue;
      if (!quiet || dryRun) await out(text + '\n');
      if (dryRun) continue;
      const r = await runCommand(ctx, ['/bin/sh', '-c', text], { cwd, env });
      const status = 'status' in r ? r.status : 127;
      if (status !== 0) {
        if (ignore) {
          await err(`${me}: [${name}:${step.line}: ${t}] Error ${status} (ignored)\n`);
          continue;
        }
        await err(`${me}: *** [${name}:${step.line}: ${t}] Error ${status}\n`);
        return 2;
      }
    }
    done.set(t, 'ran');
    return 0;
  };

  let status = 0;
  for (const g of wanted) {
    const st = await build(g, true);
    if (st) {
      status = st;
      if (!keepGoing) break;
    }
  }
  return leave(status);
}
