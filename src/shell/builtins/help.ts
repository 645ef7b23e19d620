/**
 * `help`: bash's builtin (builtins/help.def) and BusyBox ash's (shell/ash.c helpcmd). dash has
 * none, so there `help` is looked up on PATH and is not found (see `builtinFor`).
 *
 * bash-help.json holds bash 5.2.21's help topics as its builtins/*.def files define them
 * ($SHORT_DOC and the long text; reserved.def's keywords included, `wait [pid ...]` and the V9-less
 * `echo` left out as Ubuntu's build leaves them out), in the order bash sorts its builtin table
 * (shell_builtin_compare). It is bash's own documentation, extracted from bminor/bash at the
 * "Bash-5.2 patch 21" commit.
 */
import type { Shell } from '../shell';
import { ShellError } from '../shell';
import { hasGlob, matchPattern } from '../pattern';
import { out } from './io';
import { trackRealWork } from '../../lib/realwork';

interface Topic {
  name: string;
  short: string;
  long: string[];
}
/** The topics (63 KB of text) are a chunk of their own, loaded the first time `help` runs. */
let topics: Topic[] = [];
let loading: Promise<void> | undefined;
function loadTopics(): Promise<void> {
  return (loading ??= trackRealWork(import('./bash-help.json')).then(
    (m) => {
      topics = m.default as Topic[];
    },
    () => {
      loading = undefined; // offline before the chunk was cached: the next `help` tries again
      throw new ShellError('the help texts could not be loaded; try again when online', 1);
    },
  ));
}

/** version.c show_shell_version(0), as Ubuntu 24.04's bash prints it. */
export const BASH_VERSION_LINE = 'GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)';
const BASE_INDENT = '    ';

export async function help(sh: Shell, argv: string[]): Promise<number> {
  if (sh.flavour.name === 'ash') return ashHelp(sh);
  await loadTopics();
  let d = false;
  let m = false;
  let s = false;
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    for (const c of argv[i].slice(1)) {
      if (c === 'd') d = true;
      else if (c === 'm') m = true;
      else if (c === 's') s = true;
      else throw new ShellError(`-${c}: invalid option\nhelp: usage: help [-dms] [pattern ...]`, 2);
    }
  }
  const patterns = argv.slice(i);
  if (!patterns.length) {
    await out(sh, BASH_VERSION_LINE + '\n' + listing(sh));
    return 0;
  }
  let text = '';
  if (hasGlob(patterns[0])) text += `Shell commands matching keyword${patterns.length > 1 ? 's' : ''} \`${patterns.join(', ')}'\n\n`;
  let found = 0;
  let last = '';
  for (const pattern of patterns) {
    last = pattern;
    // First pass: the exact name or a glob match; second pass: names that start with it.
    let hits = topics.filter((t) => t.name === pattern || matchPattern(pattern, t.name));
    if (!hits.length) hits = topics.filter((t) => t.name.startsWith(pattern));
    found += hits.length;
    for (const t of hits) {
      if (d) text += `${t.name} - ${t.long[0] ?? ''}\n`;
      else if (m) text += manpage(t);
      else text += `${t.name}: ${t.short}\n` + (s ? '' : t.long.map((l) => BASE_INDENT + l + '\n').join(''));
    }
  }
  await out(sh, text);
  if (!found) throw new ShellError(`no help topics match \`${last}'.  Try \`help help' or \`man -k ${last}' or \`info ${last}'.`, 1);
  return 0;
}

/** help -m: the pseudo-manpage (show_manpage). */
function manpage(t: Topic): string {
  return (
    `NAME\n${BASE_INDENT}${t.name} - ${t.long[0] ?? ''}\n\n` +
    `SYNOPSIS\n${BASE_INDENT}${t.short}\n\n` +
    `DESCRIPTION\n${t.long.map((l) => BASE_INDENT + l + '\n').join('')}\n` +
    `SEE ALSO\n${BASE_INDENT}bash(1)\n\n` +
    `IMPLEMENTATION\n${BASE_INDENT}${BASH_VERSION_LINE}\n${BASE_INDENT}Copyright (C) 2022 Free Software Foundation, Inc.\n` +
    `${BASE_INDENT}License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\n`
  );
}

/**
 * show_builtin_command_help: two columns of half the screen width each. Under a UTF-8 locale bash
 * uses wdispcolumn, in the C locale dispcolumn; they cut long entries one character apart.
 */
function listing(sh: Shell): string {
  const header =
    "These shell commands are defined internally.  Type `help' to see this list.\n" +
    "Type `help name' to find out more about the function `name'.\n" +
    "Use `info bash' to find out more about the shell in general.\n" +
    "Use `man -k' or `info' to find out more about commands not in this list.\n" +
    '\n' +
    'A star (*) next to a name means that the command is disabled.\n' +
    '\n';
  const cols = Number(sh.getVar('COLUMNS'));
  let width = Math.floor((Number.isInteger(cols) && cols > 0 ? cols : 80) / 2);
  if (width > 128) width = 128;
  if (width <= 3) width = 40;
  const locale = sh.getVar('LC_ALL') || sh.getVar('LC_CTYPE') || sh.getVar('LANG') || '';
  const wide = /utf-?8/i.test(locale);
  const n = topics.length;
  const height = Math.floor((n + 1) / 2);
  let text = header;
  for (let i = 0; i < height; i++) {
    const first = cell(topics[i].short, width, wide, false);
    if (2 * i >= n || i + height >= n) {
      text += first + '\n';
      continue;
    }
    text += first.padEnd(width, ' ') + cell(topics[i + height].short, width, wide, true) + '\n';
  }
  return text;
}

/** One column entry: ' ' (enabled) and the synopsis, cut with `>` as bash cuts it. */
function cell(doc: string, width: number, wide: boolean, second: boolean): string {
  doc = doc.replace(/[\t\n]/g, ' ');
  if (!wide) {
    // dispcolumn: strncpy of width-2 (width-3 in the second column) bytes, then `>` at the end.
    const keep = second ? width - 4 : width - 3;
    return doc.length >= keep ? ' ' + doc.slice(0, keep) + '>' : ' ' + doc;
  }
  // wdispcolumn: dispchars = the characters that fit in width-2; cut when they fill it.
  const slen = doc.length >= width ? width - 2 : doc.length;
  const dispchars = Math.min(slen, width - 2);
  if (dispchars + 1 < width - 2) return ' ' + doc;
  return ' ' + doc.slice(0, second ? dispchars - 2 : dispchars - 1) + '>';
}

/** BusyBox ash: its builtin table (Alpine's build), tab-led lines broken after column 60. */
const ASH_BUILTINS = [
  '.', ':', '[', '[[', 'alias', 'bg', 'break', 'cd', 'chdir', 'command', 'continue', 'echo', 'eval', 'exec', 'exit', 'export', 'false', 'fg', 'getopts', 'hash', 'help',
  'history', 'jobs', 'kill', 'let', 'local', 'printf', 'pwd', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'test', 'times', 'trap', 'true', 'type', 'ulimit',
  'umask', 'unalias', 'unset', 'wait',
];

async function ashHelp(sh: Shell): Promise<number> {
  let text = 'Built-in commands:\n------------------\n';
  let col = 0;
  for (const name of ASH_BUILTINS) {
    const piece = (col === 0 ? '\t' : ' ') + name;
    text += piece;
    col += piece.length;
    if (col > 60) {
      text += '\n';
      col = 0;
    }
  }
  await out(sh, text + '\n');
  return 0;
}
