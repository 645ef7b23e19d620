/**
 * sed (GNU 4.9): -n -e -f -E/-r -i[SUFFIX] -s; addresses (N, $, /re/, \cREc, first~step, ranges
 * with N, /re/ or +N, `!`), blocks `{}`, and the commands s (g, p, N, i/I; & \1-\9 \n in the
 * replacement), y, d, p, q/Q [code], a/i/c (both `a\` + text lines and GNU's one-line `a text`), =,
 * n/N, h/H/g/G/x, b/t/T with labels. Regular expressions are POSIX BRE (ERE with -E) translated by
 * grep's translator. Left out: r/w files, D/P, l, e, F, z, M and the case-conversion escapes.
 * This file reads the options and the inputs; see README.md.
 */
import type { ProgramContext } from '../../process/types';
import { GNU, type Flavour } from '../lib/opts';
import { Io, decode, errText } from '../lib/io';
import { toInput, run } from './execute';
import { parseScript } from './parse';
import { SedError, type Cmd } from './script';

export async function sed(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'sed', fl);
  const p = await io.parse(
    {
      short: 'ne:f:Eri::s',
      long: { quiet: 'n', silent: 'n', expression: 'e=', file: 'f=', 'regexp-extended': 'E', 'in-place': 'i=?', separate: 's', posix: 'P', debug: 'D', sandbox: 'S' },
    },
    'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n',
  );
  if (typeof p === 'number') return p;
  if (ctx.argv.includes('--version')) {
    await io.out('sed (GNU sed) 4.9\n');
    return 0;
  }
  const ops = [...p.operands];
  const scripts = [...p.all('e')];
  for (const f of p.all('f')) {
    try {
      scripts.push(decode(ctx.fs.readFile(f)).replace(/\n$/, ''));
    } catch (e) {
      await io.err(`couldn't open file ${f}: ${errText(e)}`);
      return 1;
    }
  }
  if (!scripts.length) {
    const s = ops.shift();
    if (s === undefined) {
      await ctx.stderr.write(`Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n${fl.tryHelp('sed')}\n`);
      return 1;
    }
    scripts.push(s);
  }
  let cmds: Cmd[];
  try {
    cmds = parseScript(scripts.join('\n'), p.has('E') || p.has('r'));
  } catch (e) {
    if (e instanceof SedError) {
      await io.err(e.message);
      return 1;
    }
    throw e;
  }
  const quiet = p.has('n');
  const inPlace = p.has('i');
  let status = 0;
  const read = async (f: string): Promise<string | undefined> => {
    if (f === '-') return decode(await io.readStdin());
    try {
      const st = ctx.fs.stat(f);
      if (st.kind === 'dir') {
        await io.err(inPlace ? `couldn't edit ${f}: not a regular file` : `read error on ${f}: Is a directory`);
        status = inPlace ? 4 : 2;
        return undefined;
      }
      return decode(ctx.fs.readFile(f));
    } catch (e) {
      await io.err(fl.name === 'busybox' ? `${f}: ${errText(e)}` : `can't read ${f}: ${errText(e)}`);
      status = 2;
      return undefined;
    }
  };
  try {
    if (inPlace) {
      if (!ops.length) {
        await io.err('no input files');
        return 1;
      }
      const suffix = p.get('i') ?? '';
      for (const f of ops) {
        const text = await read(f);
        if (text === undefined) continue;
        const r = run(cmds, toInput(text), quiet);
        if (suffix) ctx.fs.writeFile(suffix.includes('*') ? suffix.replace(/\*/g, f) : f + suffix, text);
        ctx.fs.writeFile(f, r.out);
        if (r.quit) return r.code;
      }
      return status;
    }
    if (!ops.length) ops.push('-');
    if (p.has('s')) {
      for (const f of ops) {
        const text = await read(f);
        if (text === undefined) continue;
        const r = run(cmds, toInput(text), quiet);
        await io.out(r.out);
        if (r.quit) return r.code;
      }
      return status;
    }
    // Without -i/-s the files are one stream: line numbers run on and `$` is the last file's end.
    let all = '';
    for (const f of ops) {
      const text = await read(f);
      if (text === undefined) continue;
      all += all && !all.endsWith('\n') ? '\n' + text : text;
    }
    const r = run(cmds, toInput(all), quiet);
    await io.out(r.out);
    return r.quit ? r.code : status;
  } catch (e) {
    if (e instanceof SedError) {
      await io.err(e.message);
      return 4;
    }
    throw e;
  }
}
