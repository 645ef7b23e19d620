/**
 * awk (the POSIX language, as mawk/gawk/BusyBox run it): `-F`, `-v`, `-f`, BEGIN/END, patterns
 * (expressions, /regex/, ranges), fields and NF/NR/FNR/FS/OFS/ORS/FILENAME, associative arrays,
 * if/while/do/for/for-in, next/exit, print/printf (with `>`/`>>` to a file), and the string and
 * arithmetic built-ins. Left out: getline, user-defined functions, pipes to commands, system().
 * This file reads the options and runs the records through the program; see README.md.
 */
import type { ProgramContext } from '../../process/types';
import { concat, decode } from '../lib/io';
import { AwkSyntax, Exit, Next, type Item } from './ast';
import { AwkInterpreter } from './interpreter';
import { lex } from './lexer';
import { Parser } from './parser';
import { num } from './values';

export async function awk(ctx: ProgramContext): Promise<number> {
  const name = (ctx.argv[0] ?? 'awk').split('/').pop()!;
  const args = ctx.argv.slice(1);
  let fs: string | undefined;
  const assigns: [string, string][] = [];
  let src: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-F') fs = args[++i];
    else if (a.startsWith('-F')) fs = a.slice(2);
    else if (a === '-v') {
      const kv = args[++i] ?? '';
      assigns.push([kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]);
    } else if (a.startsWith('-v')) assigns.push([a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
    else if (a === '-f') {
      try {
        src = (src ?? '') + decode(ctx.fs.readFile(args[++i])) + '\n';
      } catch {
        await ctx.stderr.write(`${name}: couldn't open file ${args[i]}\n`);
        return 2;
      }
    } else if (a === '--version' || a === '-W' && args[i + 1] === 'version') {
      await ctx.stdout.write('mawk 1.3.4 20200120\n');
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      await ctx.stderr.write(`${name}: not an option: ${a}\n`);
      return 2;
    } else break;
  }
  if (src === undefined) {
    if (i >= args.length) {
      await ctx.stderr.write(`usage: ${name} [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: ${name} [-F value] [-v var=value] [-f program-file] [--] [file ...]\n`);
      return 2;
    }
    src = args[i++];
  }
  const operands = args.slice(i);
  let items: Item[];
  try {
    items = new Parser(lex(src)).program();
  } catch (e) {
    if (e instanceof AwkSyntax) {
      await ctx.stderr.write(`${name}: line 1: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const rt = new AwkInterpreter(ctx);
  if (fs !== undefined) rt.vars.set('FS', fs === 't' ? '\t' : fs.replace(/\\t/g, '\t'));
  for (const [k, v] of assigns) rt.vars.set(k, v.replace(/\\n/g, '\n').replace(/\\t/g, '\t'));
  let code = 0;
  let exiting = false;
  try {
    try {
      for (const it of items) if (it.begin) rt.runItem(it);
    } catch (e) {
      if (e instanceof Exit) {
        code = e.code;
        exiting = true;
      } else if (!(e instanceof Next)) throw e;
    }
    const main = items.filter((it) => !it.begin && !it.end);
    if (!exiting && (main.length || items.some((it) => it.end))) {
      const inputs = operands.filter((o) => !/^[A-Za-z_]\w*=/.test(o));
      for (const f of inputs.length ? inputs : ['-']) {
        let text: string;
        if (f === '-') {
          const chunks: Uint8Array[] = [];
          for (;;) {
            const c = await ctx.stdin.read(ctx.signal);
            if (!c) break;
            chunks.push(c);
          }
          text = decode(concat(chunks));
        } else {
          try {
            text = decode(ctx.fs.readFile(f));
          } catch {
            await rt.flush();
            await ctx.stderr.write(`${name}: cannot open ${f} (No such file or directory)\n`);
            code = 2;
            continue;
          }
        }
        rt.vars.set('FILENAME', f === '-' ? '' : f);
        rt.vars.set('FNR', 0);
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        for (const line of lines) {
          rt.vars.set('NR', num(rt.vars.get('NR')!) + 1);
          rt.vars.set('FNR', num(rt.vars.get('FNR')!) + 1);
          rt.setRecord(line);
          try {
            for (const it of main) {
              let hit: boolean;
              if (it.range) {
                if (!it.active) {
                  hit = rt.truthy(rt.ev(it.range[0]), it.range[0]);
                  if (hit) it.active = !rt.truthy(rt.ev(it.range[1]), it.range[1]);
                } else {
                  hit = true;
                  if (rt.truthy(rt.ev(it.range[1]), it.range[1])) it.active = false;
                }
              } else hit = !it.pattern || rt.truthy(rt.ev(it.pattern), it.pattern);
              if (hit) rt.runItem(it);
            }
          } catch (e) {
            if (e instanceof Next) continue;
            if (e instanceof Exit) {
              code = e.code;
              exiting = true;
              break;
            }
            throw e;
          }
          if (rt.out.length > 8192) await rt.flush();
        }
        if (exiting) break;
      }
    }
    try {
      for (const it of items) if (it.end) rt.runItem(it);
    } catch (e) {
      if (e instanceof Exit) code = e.code;
      else if (!(e instanceof Next)) throw e;
    }
  } catch (e) {
    if (e instanceof Next || e instanceof Exit) {
      /* handled above */
    } else if (e instanceof Error) {
      await rt.flush();
      await ctx.stderr.write(`${name}: run time error: ${e.message}\n\tFILENAME="${rt.str(rt.vars.get('FILENAME')!)}" FNR=${rt.str(rt.vars.get('FNR')!)} NR=${rt.str(rt.vars.get('NR')!)}\n`);
      return 2;
    } else throw e;
  }
  await rt.flush();
  return code;
}

