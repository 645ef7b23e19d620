/** `cowsay` / `cowthink` and `fortune` (the notes' favourite demo programs). */
import { readAllText } from '../../process/pipe';
import type { Program } from '../../process/types';

const COW = `        \\   ^__^
         \\  (oo)\\_______
            (__)\\       )\\/\\
                ||----w |
                ||     ||
`;

/** The speech balloon, as cowsay draws it (wrapped at 40 columns). */
export function balloon(text: string, think: boolean, width = 40): string {
  const words = text.replace(/\s+$/, '').split(/\n/).flatMap((line) => {
    const out: string[] = [];
    let cur = '';
    for (const w of line.split(/\s+/).filter(Boolean)) {
      if (cur && (cur + ' ' + w).length > width - 1) {
        out.push(cur);
        cur = w;
      } else cur = cur ? cur + ' ' + w : w;
    }
    out.push(cur);
    return out;
  });
  const max = Math.max(...words.map((l) => l.length));
  const top = ' ' + '_'.repeat(max + 2) + '\n';
  const bottom = ' ' + '-'.repeat(max + 2) + '\n';
  if (words.length === 1) return top + (think ? `( ${words[0]} )\n` : `< ${words[0]} >\n`) + bottom;
  let mid = '';
  words.forEach((l, i) => {
    const [a, b] = think ? ['(', ')'] : i === 0 ? ['/', '\\'] : i === words.length - 1 ? ['\\', '/'] : ['|', '|'];
    mid += `${a} ${l.padEnd(max)} ${b}\n`;
  });
  return top + mid + bottom;
}

export const cowsay: Program = async (ctx) => {
  const think = ctx.argv[0].endsWith('cowthink');
  const args = ctx.argv.slice(1).filter((a, i, all) => !(a.startsWith('-') || (i > 0 && all[i - 1] === '-f')));
  const text = args.length ? args.join(' ') : await readAllText(ctx.stdin, ctx.signal);
  const cow = think ? COW.replace(/\\ {2}\^/, 'o  ^').replace(/ {8}\\/, '        o').replace(/ {9}\\/, '         o') : COW;
  await ctx.stdout.write(balloon(text, think) + cow);
  return 0;
};

const FORTUNES = [
  'No violence, gentlemen -- no violence, I beg of you!  Consider the furniture!\n\t\t-- Sherlock Holmes',
  'You will be successful in your work.',
  'Your lucky number has been disconnected.',
  'Beware of low-flying butterflies.',
  'Today is what happened to yesterday.',
  'A journey of a thousand miles begins with a single step.\n\t\t-- Lao Tsu',
  'Everything should be made as simple as possible, but not simpler.\n\t\t-- Albert Einstein',
  'It works on my machine.',
];

export const fortune: Program = async (ctx) => {
  await ctx.stdout.write(FORTUNES[ctx.sys.rng.int(FORTUNES.length)] + '\n');
  return 0;
};
