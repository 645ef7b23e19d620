/**
 * Help text exactly as Docker 28.5's usage template renders it (cli/cobra.go), with pflag's
 * FlagUsagesWrapped for the option lists (wrapped at terminal width - 1).
 */
import type { CommandSpec, FlagSpec } from './types';
import { valueKind } from './flag-values';

export interface Node {
  spec: CommandSpec;
  parent?: Node;
  children: Node[];
  /** Top-level shortcuts of this command (`ps` for `docker container ls`). */
  shortcuts?: string[];
  /** On a shortcut (`docker ps`): the management command it stands for. */
  mainForm?: Node;
}

export function commandPath(n: Node): string {
  return n.parent ? `${commandPath(n.parent)} ${n.spec.name}` : n.spec.name;
}

export function useLine(n: Node): string {
  return n.parent ? `${commandPath(n.parent)} ${n.spec.use}` : n.spec.use;
}

const VARNAME: Record<string, string> = { float64: 'float', int64: 'int', uint64: 'uint', stringSlice: 'strings', intSlice: 'ints', uintSlice: 'uints', boolSlice: 'bools' };

function unquoteUsage(f: FlagSpec): [string, string] {
  const u = f.usage;
  const i = u.indexOf('`');
  if (i >= 0) {
    const j = u.indexOf('`', i + 1);
    if (j >= 0) return [u.slice(i + 1, j), u.slice(0, i) + u.slice(i + 1, j) + u.slice(j + 1)];
  }
  if (valueKind(f) === 'bool') return ['', u];
  return [VARNAME[f.type] ?? f.type, u];
}

function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replace(/\n/g, '\n' + ' '.repeat(i));
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += '\n' + ' '.repeat(i - 1);
  }
  if (width < 24) return s.replace(/\n/g, r);
  const slop = 5;
  width -= slop;
  let [l, rest] = wrapN(width, slop, s);
  r += l.replace(/\n/g, '\n' + ' '.repeat(i));
  while (rest !== '') {
    let t: string;
    [t, rest] = wrapN(width, slop, rest);
    r += '\n' + ' '.repeat(i) + t.replace(/\n/g, '\n' + ' '.repeat(i));
  }
  return r;
}

/** pflag FlagSet.FlagUsagesWrapped(cols): flags sorted by name, hidden ones left out. */
export function flagUsages(flags: FlagSpec[], cols: number): string {
  const visible = flags.filter((f) => !f.hidden).sort((a, b) => (a.long < b.long ? -1 : a.long > b.long ? 1 : 0));
  const lines: string[] = [];
  let maxlen = 0;
  for (const f of visible) {
    let line = f.short ? `  -${f.short}, --${f.long}` : `      --${f.long}`;
    const [varname, usage] = unquoteUsage(f);
    if (varname) line += ' ' + varname;
    if (f.noOptDefVal !== undefined) line += f.type === 'string' ? `[="${f.noOptDefVal}"]` : `[=${f.noOptDefVal}]`;
    line += '\0';
    maxlen = Math.max(maxlen, line.length);
    line += usage;
    if (f.default !== undefined && f.default !== '') line += f.type === 'string' ? ` (default ${JSON.stringify(f.default)})` : ` (default ${f.default})`;
    lines.push(line);
  }
  return lines
    .map((line) => {
      const sidx = line.indexOf('\0');
      return `${line.slice(0, sidx)} ${' '.repeat(maxlen - sidx)} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
    })
    .join('');
}

const available = (n: Node) => !n.spec.hidden;
const hasSubs = (n: Node) => n.children.some(available);

function namePadding(n: Node): number {
  const sibs = n.parent ? n.parent.children : [n];
  return Math.max(11, ...sibs.map((s) => s.spec.name.length));
}

function rpad(s: string, w: number): string {
  return s.padEnd(w);
}

/**
 * The "Aliases:" line (docker/cli's `aliases` annotation): the command, its aliases, then its
 * top-level shortcut, the same on the shortcut's own help; none for a command with one name.
 */
function aliasesLine(n: Node): string | undefined {
  if (n.spec.aliasesLine) return n.spec.aliasesLine;
  const main = n.mainForm ?? n;
  const parentPath = main.parent ? commandPath(main.parent) + ' ' : '';
  const forms = [commandPath(main), ...(main.spec.aliases ?? []).map((a) => parentPath + a), ...(main.shortcuts ?? []).map((s) => `docker ${s}`)];
  return forms.length > 1 ? forms.join(', ') : undefined;
}

/** The full `--help` text of a command (ends with a newline). */
export function helpText(n: Node, cols = 80): string {
  const s = n.spec;
  const visibleFlags = s.flags.filter((f) => !f.hidden);
  let out = 'Usage:';
  if (!hasSubs(n)) out += `  ${useLine(n)}`;
  else out += `  ${commandPath(n)}${visibleFlags.length ? ' [OPTIONS]' : ''} COMMAND`;
  // docker/cli's usage template: `{{if ne .Long ""}}{{ .Long | trim }}{{ else }}{{ .Short | trim }}{{end}}`.
  out += `\n\n${(s.long || s.short).trim()}`;
  const aliases = aliasesLine(n);
  if (aliases) out += `\n\nAliases:\n  ${aliases}`;
  if (n.parent && visibleFlags.length) out += `\n\nOptions:\n${flagUsages(s.flags, cols - 1).replace(/\s+$/, '')}`;
  const isRoot = !n.parent;
  const kids = [...n.children].filter(available).sort((a, b) => (a.spec.name < b.spec.name ? -1 : 1));
  const top = isRoot ? kids.filter((k) => k.spec.categoryTop !== undefined).sort((a, b) => a.spec.categoryTop! - b.spec.categoryTop!) : [];
  const mgmt = kids.filter((k) => (k.spec.plugin || hasSubs(k)) && !k.spec.swarm);
  const swarm = kids.filter((k) => (k.spec.plugin || hasSubs(k)) && k.spec.swarm);
  const ops = kids.filter((k) => !k.spec.plugin && !hasSubs(k) && !(isRoot && k.spec.categoryTop !== undefined));
  const deco = (k: Node) => rpad(k.spec.name + (k.spec.plugin ? '*' : ' '), namePadding(k) + 1) + k.spec.short;
  if (top.length) out += '\n\nCommon Commands:' + top.map((k) => '\n  ' + deco(k)).join('');
  if (mgmt.length) out += '\n\nManagement Commands:' + mgmt.map((k) => '\n  ' + deco(k)).join('');
  if (swarm.length) out += '\n\nSwarm Commands:' + swarm.map((k) => '\n  ' + deco(k)).join('');
  if (ops.length) out += '\n\nCommands:' + ops.map((k) => `\n  ${rpad(k.spec.name, namePadding(k))} ${k.spec.short}`).join('');
  if (isRoot && visibleFlags.length) out += `\n\nGlobal Options:\n${flagUsages(s.flags, cols - 1).replace(/\s+$/, '')}`;
  if (hasSubs(n)) out += `\n\nRun '${commandPath(n)} COMMAND --help' for more information on a command.`;
  if (isRoot) out += '\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/';
  return out + '\n';
}
