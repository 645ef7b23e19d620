/**
 * pflag's parsing rules: `--name=v` / `--name v`, `--bool` / `--bool=false`, combined shorthands
 * (`-it`, `-p80:80`), `--` ends flags, a lone `-` is an argument. With `interspersed` false
 * (docker run/create/exec, and the root's global flags) parsing stops at the first positional
 * argument so `docker run alpine ls -l` keeps `-l` for the container.
 */
import { defaultValue, parseValue, valueKind } from './flag-values';
import type { FlagSpec, FlagValues } from './types';
import { pushAll } from '../../lib/arrays';

export const HELP_FLAG: FlagSpec = { long: 'help', type: 'bool', usage: 'Print usage', hidden: true };

export interface ParseResult {
  flags: FlagValues;
  changed: Set<string>;
  args: string[];
  help: boolean;
}

export class FlagError extends Error {}

function flagName(f: FlagSpec): string {
  return f.short ? `-${f.short}, --${f.long}` : `--${f.long}`;
}

export function parseFlags(argv: string[], specs: FlagSpec[], interspersed = true): ParseResult {
  const all = [...specs, { ...HELP_FLAG, short: 'h' }];
  const flags: FlagValues = {};
  for (const f of specs) flags[f.long] = defaultValue(f);
  const changed = new Set<string>();
  const args: string[] = [];
  let help = false;

  const set = (f: FlagSpec, raw: string) => {
    if (f.long === 'help') { help = raw !== 'false'; return; }
    try {
      flags[f.long] = parseValue(f, raw, changed.has(f.long) ? flags[f.long] : undefined);
    } catch (e) {
      throw new FlagError(`invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(flagName(f))} flag: ${(e as Error).message}`);
    }
    changed.add(f.long);
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { pushAll(args, argv.slice(i + 1)); break; }
    if (!a.startsWith('-') || a === '-') {
      if (!interspersed) { pushAll(args, argv.slice(i)); break; }
      args.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      const body = a.slice(2);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      if (!name || name.startsWith('-') || name.startsWith('=')) throw new FlagError(`bad flag syntax: ${a}`);
      const f = all.find((x) => x.long === name);
      if (!f) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(f, body.slice(eq + 1));
      else if (valueKind(f) === 'bool') set(f, 'true');
      else if (f.noOptDefVal !== undefined) set(f, f.noOptDefVal);
      else if (i + 1 < argv.length) set(f, argv[++i]!);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    // shorthand cluster
    let rest = a.slice(1);
    while (rest.length) {
      const c = rest[0]!;
      const f = all.find((x) => x.short === c);
      if (!f) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
      rest = rest.slice(1);
      if (rest.startsWith('=')) { set(f, rest.slice(1)); rest = ''; break; }
      if (valueKind(f) === 'bool') { set(f, 'true'); continue; }
      if (f.noOptDefVal !== undefined) { set(f, f.noOptDefVal); continue; }
      if (rest.length) { set(f, rest); rest = ''; break; }
      if (i + 1 < argv.length) { set(f, argv[++i]!); break; }
      throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
    }
  }
  return { flags, changed, args, help };
}
