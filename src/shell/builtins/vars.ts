/** Builtins about variables and parameters: export, unset, set, shift, read, local, getopts, … */
import type { Builtin } from './index';
import { err, out } from './io';
import { ShellError, type Shell } from '../shell';
import { quote } from '../exec';
import { readLineBytes } from '../../engine/process/pipe';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function assignArg(sh: Shell, builtin: string, a: string, apply: (name: string, value: string | undefined) => void): boolean {
  const m = /^([^=]*?)(\+?)=([\s\S]*)$/.exec(a);
  const name = m ? m[1] : a;
  if (!NAME.test(name)) {
    void err(sh, builtin, `\`${a}': not a valid identifier`);
    return false;
  }
  apply(name, m ? (m[2] ? (sh.getVar(name) ?? '') + m[3] : m[3]) : undefined);
  return true;
}

const exportB: Builtin = async (sh, argv) => {
  const args = argv.slice(1).filter((a) => a !== '-p' && a !== '--');
  const unexport = args[0] === '-n';
  if (unexport) args.shift();
  if (!args.length) {
    const names = [...sh.vars.keys()].filter((k) => sh.vars.get(k)!.exported).sort();
    let s = '';
    for (const k of names) {
      const v = sh.vars.get(k)!.value;
      if (sh.flavour.name === 'bash') s += v === undefined ? `declare -x ${k}\n` : `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`;
      else s += v === undefined ? `export ${k}\n` : `export ${k}=${quote(v) === v ? `'${v}'` : quote(v)}\n`;
    }
    await out(sh, s);
    return 0;
  }
  let st = 0;
  for (const a of args) {
    const ok = assignArg(sh, 'export', a, (name, value) => {
      const v = sh.vars.get(name);
      if (unexport) {
        if (v) v.exported = false;
      } else if (value !== undefined) sh.setVar(name, value, { export: true });
      else if (v) v.exported = true;
      else sh.vars.set(name, { exported: true, readonly: false });
    });
    if (!ok) st = 1;
  }
  return st;
};

const readonlyB: Builtin = async (sh, argv) => {
  let st = 0;
  for (const a of argv.slice(1).filter((x) => !x.startsWith('-'))) {
    const ok = assignArg(sh, 'readonly', a, (name, value) => {
      if (value !== undefined) sh.setVar(name, value);
      const v = sh.vars.get(name) ?? { exported: false, readonly: false };
      v.readonly = true;
      sh.vars.set(name, v);
    });
    if (!ok) st = 1;
  }
  return st;
};

const declare: Builtin = async (sh, argv) => {
  const flags = argv.slice(1).filter((a) => /^[-+]/.test(a)).join('');
  const names = argv.slice(1).filter((a) => !/^[-+]/.test(a));
  if (flags.includes('p') || (!names.length && !flags.includes('f'))) {
    let s = '';
    for (const [k, v] of [...sh.vars].sort()) {
      if (names.length && !names.includes(k)) continue;
      s += `declare -${v.exported ? 'x' : v.readonly ? 'r' : '-'} ${k}${v.value === undefined ? '' : `="${v.value}"`}\n`;
    }
    await out(sh, s);
    return 0;
  }
  let st = 0;
  for (const a of names) {
    const ok = assignArg(sh, argv[0], a, (name, value) => {
      if (sh.locals.length && argv[0] !== 'export' && !flags.includes('g')) saveLocal(sh, name);
      if (value !== undefined) sh.setVar(name, value);
      else if (!sh.vars.has(name)) sh.vars.set(name, { exported: false, readonly: false });
      const v = sh.vars.get(name)!;
      if (flags.includes('-x') || /x/.test(flags)) v.exported = true;
      if (/r/.test(flags)) v.readonly = true;
    });
    if (!ok) st = 1;
  }
  return st;
};

function saveLocal(sh: Shell, name: string): void {
  const scope = sh.locals[sh.locals.length - 1];
  if (!scope.has(name)) {
    const old = sh.vars.get(name);
    scope.set(name, old ? { ...old } : undefined);
    // A local starts unset (bash) but keeps being exported if the outer one was.
    sh.vars.set(name, { exported: old?.exported ?? false, readonly: false });
  }
}

const local: Builtin = async (sh, argv) => {
  if (!sh.locals.length) throw new ShellError('can only be used in a function');
  let st = 0;
  for (const a of argv.slice(1).filter((x) => !x.startsWith('-'))) {
    const ok = assignArg(sh, 'local', a, (name, value) => {
      saveLocal(sh, name);
      if (value !== undefined) sh.setVar(name, value);
    });
    if (!ok) st = 1;
  }
  return st;
};

const unset: Builtin = async (sh, argv) => {
  let fn = false;
  for (const a of argv.slice(1)) {
    if (a === '-f') fn = true;
    else if (a === '-v') fn = false;
    else if (fn) sh.funcs.delete(a);
    else if (!NAME.test(a)) await err(sh, 'unset', `\`${a}': not a valid identifier`);
    else sh.unsetVar(a);
  }
  return 0;
};

const OPTION_NAMES: [string, keyof Shell['opts']][] = [
  ['allexport', 'allexport'], ['errexit', 'errexit'], ['noclobber', 'noclobber'], ['noglob', 'noglob'],
  ['nounset', 'nounset'], ['pipefail', 'pipefail'], ['verbose', 'verbose'], ['xtrace', 'xtrace'],
];
const LETTERS: Record<string, keyof Shell['opts']> = { a: 'allexport', e: 'errexit', C: 'noclobber', f: 'noglob', u: 'nounset', v: 'verbose', x: 'xtrace' };

const set: Builtin = async (sh, argv) => {
  if (argv.length === 1) {
    let s = '';
    for (const [k, v] of [...sh.vars].sort()) if (v.value !== undefined) s += `${k}=${quote(v.value)}\n`;
    await out(sh, s);
    return 0;
  }
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      sh.positionalParams = argv.slice(i);
      return 0;
    }
    if (a === '-' ) {
      sh.opts.xtrace = sh.opts.verbose = false;
      i++;
      break;
    }
    if (!/^[-+]/.test(a)) break;
    const on = a[0] === '-';
    if (a.slice(1) === 'o') {
      const name = argv[++i];
      if (name === undefined) {
        let s = '';
        for (const [n, k] of OPTION_NAMES) s += on ? `${n.padEnd(15)}\t${sh.opts[k] ? 'on' : 'off'}\n` : `set ${sh.opts[k] ? '-' : '+'}o ${n}\n`;
        await out(sh, s);
        continue;
      }
      const opt = OPTION_NAMES.find(([n]) => n === name);
      if (!opt) throw new ShellError(`${name}: invalid option name`, 2);
      sh.opts[opt[1]] = on;
      continue;
    }
    for (const c of a.slice(1)) {
      const k = LETTERS[c];
      if (!k) {
        if (c === 'i' || c === 'm' || c === 'h' || c === 'B' || c === 'H') continue;
        throw new ShellError(`${a[0]}${c}: invalid option`, 2);
      }
      sh.opts[k] = on;
    }
  }
  if (i < argv.length) sh.positionalParams = argv.slice(i);
  return 0;
};

const shift: Builtin = async (sh, argv) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) throw new ShellError(`${argv[1]}: numeric argument required`);
  if (n > sh.positionalParams.length) {
    if (sh.flavour.name === 'dash') throw new ShellError("can't shift that many", 2);
    return 1;
  }
  sh.positionalParams = sh.positionalParams.slice(n);
  return 0;
};

const read: Builtin = async (sh, argv) => {
  let raw = false;
  let prompt = '';
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a.includes('r')) raw = true;
    if (a === '-p') prompt = argv[++i] ?? '';
    if (a === '-t' || a === '-n' || a === '-N' || a === '-d' || a === '-u' || a === '-a') i++;
  }
  const names = argv.slice(i);
  if (!names.length) names.push('REPLY');
  if (prompt && sh.stdin().isTTY) await sh.writeErr(prompt);
  const bytes = await readLineBytes(sh.stdin(), sh.signal);
  if (bytes === null) {
    for (const n of names) sh.setVar(n, '');
    return 1;
  }
  let line = new TextDecoder().decode(bytes);
  const hadNewline = line.endsWith('\n');
  if (hadNewline) line = line.slice(0, -1);
  if (!raw) {
    // Backslash-newline joins lines; other backslashes quote the next character.
    while (line.endsWith('\\')) {
      const more = await readLineBytes(sh.stdin(), sh.signal);
      if (more === null) break;
      line = line.slice(0, -1) + new TextDecoder().decode(more).replace(/\n$/, '');
    }
  }
  const ifs = sh.getVar('IFS') ?? ' \t\n';
  const values = splitRead(line, ifs, names.length, raw);
  names.forEach((n, k) => sh.setVar(n, values[k] ?? ''));
  return hadNewline ? 0 : 1;
};

/** `read`'s splitting: like field splitting, but the last name takes the rest of the line. */
function splitRead(line: string, ifs: string, n: number, raw: boolean): string[] {
  const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isIfs = (c: string) => ifs.includes(c);
  const out: string[] = [];
  let i = 0;
  while (i < line.length && ws.includes(line[i])) i++;
  let cur = '';
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && !raw) {
      cur += line[++i] ?? '';
      continue;
    }
    if (isIfs(c) && out.length < n - 1) {
      out.push(cur);
      cur = '';
      while (i + 1 < line.length && ws.includes(line[i + 1])) i++;
      if (!ws.includes(c) || i + 1 >= line.length) continue;
      if (i + 1 < line.length && isIfs(line[i + 1]) && !ws.includes(line[i + 1])) i++;
      continue;
    }
    cur += c;
  }
  if (ws) cur = cur.replace(new RegExp(`[${ws.replace(/\t/, '\\t').replace(/\n/, '\\n')}]+$`), '');
  out.push(cur);
  return out;
}

const getopts: Builtin = async (sh, argv) => {
  const spec = argv[1];
  const name = argv[2];
  if (spec === undefined || name === undefined) throw new ShellError('usage: getopts optstring name [arg ...]', 2);
  const args = argv.length > 3 ? argv.slice(3) : sh.positionalParams;
  const silent = spec.startsWith(':');
  let ind = Number(sh.getVar('OPTIND') ?? '1') || 1;
  let pos = Number(sh.getVar('_OPTPOS') ?? '1') || 1;
  const arg = args[ind - 1];
  const done = () => {
    sh.setVar(name, '?');
    sh.setVar('OPTIND', String(ind));
    sh.unsetVar('_OPTPOS');
    return 1;
  };
  if (arg === undefined || !arg.startsWith('-') || arg === '-') return done();
  if (arg === '--') {
    ind++;
    return done();
  }
  const c = arg[pos];
  const advance = () => {
    pos++;
    if (pos >= arg.length) {
      ind++;
      pos = 1;
    }
  };
  const k = spec.indexOf(c);
  if (k < 0 || c === ':') {
    advance();
    sh.setVar(name, '?');
    if (silent) sh.setVar('OPTARG', c);
    else await sh.error(`illegal option -- ${c}`);
  } else if (spec[k + 1] === ':') {
    let val: string | undefined;
    if (pos + 1 < arg.length) val = arg.slice(pos + 1);
    else val = args[ind];
    ind += pos + 1 < arg.length ? 1 : 2;
    pos = 1;
    if (val === undefined) {
      if (silent) {
        sh.setVar(name, ':');
        sh.setVar('OPTARG', c);
      } else {
        sh.setVar(name, '?');
        await sh.error(`option requires an argument -- ${c}`);
      }
    } else {
      sh.setVar(name, c);
      sh.setVar('OPTARG', val);
    }
  } else {
    advance();
    sh.setVar(name, c);
  }
  sh.setVar('OPTIND', String(ind));
  sh.setVar('_OPTPOS', String(pos));
  return 0;
};

export const varBuiltins: [string, Builtin][] = [
  ['export', exportB], ['readonly', readonlyB], ['declare', declare], ['typeset', declare], ['local', local],
  ['unset', unset], ['set', set], ['shift', shift], ['read', read], ['getopts', getopts],
];
