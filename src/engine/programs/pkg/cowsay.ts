/**
 * `cowsay` / `cowthink` and `fortune`, the notes' favourite demo programs. cowsay draws the real
 * balloon (Text::Wrap at 40 columns, `< >` for one line, `/ | \` for several) and reads its cows
 * from `.cow` files as the Perl original does: `-f tux` loads /usr/share/cowsay/cows/tux.cow (the
 * package writes them), with the built-in copies below as a fallback.
 */
import { readAllText } from '../../../lib/read-stream';
import type { Program, ProgramContext } from '../../process/types';
import { maxOf } from '../../../lib/arrays';

/** The .cow files (Perl heredocs: `$thoughts`, `$eyes`, `$tongue` are filled in, `\\` is `\`). */
export const COWS: Record<string, string> = {
  default: '$the_cow = <<"EOC";\n        $thoughts   ^__^\n         $thoughts  ($eyes)\\\\_______\n            (__)\\\\       )\\\\/\\\\\n             $tongue ||----w |\n                ||     ||\nEOC\n',
  tux: '$the_cow = <<EOC;\n   $thoughts\n    $thoughts\n        .--.\n       |o_o |\n       |:_/ |\n      //   \\\\ \\\\\n     (|     | )\n    /\'\\\\_   _/`\\\\\n    \\\\___)=(___/\n\nEOC\n',
  sheep: '$the_cow = <<EOC;\n  $thoughts\n   $thoughts\n       __     \n      UooU\\\\.\'\\@\\@\\@\\@\\@\\@`.\n      \\\\__/(\\@\\@\\@\\@\\@\\@\\@\\@\\@\\@)\n           (\\@\\@\\@\\@\\@\\@\\@\\@)\n           `YY~~~~YY\'\n            ||    ||\nEOC\n',
  small: '$eyes = ".." unless ($eyes);\n$the_cow = <<EOC;\n       $thoughts   ,__,\n        $thoughts  ($eyes)____\n           (__)    )\\\\\n            $tongue||--|| *\nEOC\n',
  moose: '$the_cow = <<EOC;\n  $thoughts\n   $thoughts   \\\\_\\\\_    _/_/\n    $thoughts      \\\\__/\n           ($eyes)\\\\_______\n           (__)\\\\       )\\\\/\\\\\n               ||----w |\n               ||     ||\nEOC\n',
};

export const COW_DIR = '/usr/share/cowsay/cows';

/** Fill a .cow file's heredoc. */
export function renderCow(cowFile: string, thoughts: string, eyes: string | undefined, tongue: string): string {
  const defEyes = /\$eyes\s*=\s*"(..)"\s*unless/.exec(cowFile)?.[1];
  const body = /<<"?EOC"?;\n([\s\S]*?)^EOC$/m.exec(cowFile)?.[1] ?? '';
  const e = eyes ?? defEyes ?? 'oo';
  return body
    .replace(/\$thoughts/g, thoughts)
    .replace(/\$eyes/g, e)
    .replace(/\$tongue/g, tongue)
    .replace(/\\([\\@$])/g, '$1');
}

/** Text::Wrap as cowsay uses it: words joined by spaces, lines at most width-1 characters. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + w.length > width - 1) {
      out.push(cur);
      cur = w;
    } else cur = cur ? cur + ' ' + w : w;
  }
  out.push(cur);
  return out;
}

export function balloon(lines: string[], think: boolean): string {
  const expanded = lines.map((l) => l.replace(/\t/g, '        '));
  const max = maxOf(expanded.map((l) => l.length), 0);
  let out = ' ' + '_'.repeat(max + 2) + '\n';
  expanded.forEach((l, i) => {
    const [a, b] = think ? ['(', ')'] : expanded.length === 1 ? ['<', '>'] : i === 0 ? ['/', '\\'] : i === expanded.length - 1 ? ['\\', '/'] : ['|', '|'];
    out += `${a} ${l.padEnd(max)} ${b}\n`;
  });
  return out + ' ' + '-'.repeat(max + 2) + '\n';
}

const MODES: Record<string, [string, string?]> = { b: ['=='], d: ['xx', 'U '], g: ['$$'], p: ['@@'], s: ['**', 'U '], t: ['--'], w: ['OO'], y: ['..'] };

function cowFile(ctx: ProgramContext, name: string): string | undefined {
  const paths = name.includes('/') ? [name] : [`${COW_DIR}/${name}.cow`, `${COW_DIR}/${name}`];
  for (const p of paths) {
    try {
      return ctx.fs.readText(p);
    } catch {
      /* next */
    }
  }
  return COWS[name.replace(/\.cow$/, '')];
}

export const cowsay: Program = async (ctx) => {
  const name = (ctx.argv[0] ?? 'cowsay').split('/').pop()!;
  const think = name === 'cowthink';
  let cow = 'default';
  let eyes: string | undefined;
  let tongue = '  ';
  let width = 40;
  let noWrap = false;
  const words: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (words.length || !a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    const flag = a[1];
    const val = () => (a.length > 2 ? a.slice(2) : args[++i] ?? '');
    if (flag === 'f') cow = val();
    else if (flag === 'e') eyes = val().slice(0, 2);
    else if (flag === 'T') tongue = val().slice(0, 2);
    else if (flag === 'W') width = Number(val()) || 40;
    else if (flag === 'n') noWrap = true;
    else if (flag === 'l') {
      const names = new Set(Object.keys(COWS));
      try {
        for (const f of ctx.fs.readdir(COW_DIR)) if (f.endsWith('.cow')) names.add(f.slice(0, -4));
      } catch {
        /* only the built-in ones */
      }
      await ctx.stdout.write(`Cow files in ${COW_DIR}:\n${[...names].sort().join(' ')}\n`);
      return 0;
    } else if (MODES[flag]) [eyes, tongue = tongue] = MODES[flag];
    else {
      await ctx.stderr.write(`Unknown option: ${flag}\nUsage: ${name} [-bdgpstwy] [-h] [-e eyes] [-f cowfile] [-l] [-n] [-T tongue] [-W wrapcolumn] [message]\n`);
      return 1;
    }
  }
  const file = cowFile(ctx, cow);
  if (!file) {
    await ctx.stderr.write(`${name}: Could not find ${cow} cowfile!\n`);
    return 1;
  }
  const text = words.length ? words.join(' ') : (await readAllText(ctx.stdin, ctx.signal)).replace(/\n$/, '');
  const lines = noWrap ? text.split('\n') : wrap(text, width);
  await ctx.stdout.write(balloon(lines, think) + renderCow(file, think ? 'o' : '\\', eyes, tongue));
  return 0;
};

const FORTUNES = [
  'You will be successful in your work.',
  'Your lucky number has been disconnected.',
  'Beware of low-flying butterflies.',
  'Today is what happened to yesterday.',
  'You have a deep interest in all that is artistic.',
  'A journey of a thousand miles begins with a single step.\n\t\t-- Lao Tsu',
  'Everything should be made as simple as possible, but not simpler.\n\t\t-- Albert Einstein',
  'No violence, gentlemen -- no violence, I beg of you!  Consider the furniture!\n\t\t-- Sherlock Holmes',
  'Simplicity is prerequisite for reliability.\n\t\t-- Edsger W. Dijkstra',
  'There is no place like 127.0.0.1',
  "Don't Panic.",
  'It is a poor workman who blames his tools.',
  'Q:\tHow many programmers does it take to change a light bulb?\nA:\tNone, that is a hardware problem.',
];

export const fortune: Program = async (ctx) => {
  await ctx.stdout.write(FORTUNES[ctx.sys.rng.int(FORTUNES.length)] + '\n');
  return 0;
};
