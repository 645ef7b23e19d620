/**
 * The shell programs an image's /bin/bash or /bin/sh names: `sh -c CMD`, `sh FILE args`, or
 * commands from standard input; interactive when standard input is a terminal (or with -i).
 */
import { FLAVOURS, type FlavourName } from './flavour';
import { Shell } from './shell';
import { runScript, runStdinScript, ShellSession } from './session';
import type { Program, ProgramContext } from '../engine/process/types';
import { isFsError } from '../api/fs';

const LETTER_OPTS: Record<string, 'errexit' | 'nounset' | 'xtrace' | 'noglob' | 'verbose' | 'allexport'> = { e: 'errexit', u: 'nounset', x: 'xtrace', f: 'noglob', v: 'verbose', a: 'allexport' };

export function shellProgram(flavourName: FlavourName): Program {
  const flavour = FLAVOURS[flavourName];
  return async (ctx: ProgramContext) => {
    const argv = ctx.argv;
    let command: string | undefined;
    let interactive: boolean | undefined;
    let fromStdin = false;
    let login = (argv[0] ?? '').startsWith('-');
    let norc = false;
    const opts: string[] = [];
    let i = 1;
    for (; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--') {
        i++;
        break;
      }
      if (a === '--login' || a === '--norc' || a === '--noprofile' || a === '--posix') {
        if (a === '--login') login = true;
        if (a === '--norc') norc = true;
        continue;
      }
      if (!/^[-+][a-zA-Z]+$/.test(a)) break;
      for (const c of a.slice(1)) {
        if (c === 'c') command = '';
        else if (c === 'i') interactive = true;
        else if (c === 's') fromStdin = true;
        else if (c === 'l') login = true;
        else if (c === 'o') opts.push('o:' + argv[++i]);
        else if (LETTER_OPTS[c]) opts.push(c);
      }
    }
    const name = argv[0] ?? flavourName;
    if (command !== undefined) {
      command = argv[i++];
      if (command === undefined) {
        await ctx.stderr.write(`${name}: -c: option requires an argument\n`);
        return 2;
      }
    }
    const rest = argv.slice(i);
    const isInteractive = interactive ?? (command === undefined && (fromStdin || rest.length === 0) && ctx.stdin.isTTY);
    if (isInteractive) {
      const session = new ShellSession(ctx, flavour, { interactive: true });
      applyOpts(session.sh, opts);
      session.sh.argv0 = name;
      session.sh.positionalParams = rest;
      // Login shells (the host's terminal, `sudo -i`) keep the built-in prompt: profiles are left out.
      if (flavourName === 'bash' && !login) await session.readStartupFiles(norc);
      return session.loop();
    }
    const sh = new Shell(ctx, flavour);
    applyOpts(sh, opts);
    if (command !== undefined) {
      sh.mode = 'command';
      if (rest.length) {
        sh.argv0 = rest[0];
        sh.positionalParams = rest.slice(1);
      }
      return runScript(sh, command, '-c');
    }
    if (rest.length && !fromStdin) {
      const file = rest[0];
      let src: string;
      try {
        src = ctx.fs.readText(file);
      } catch (e) {
        if (!isFsError(e)) throw e;
        if (flavourName === 'dash') await ctx.stderr.write(`${name}: 0: cannot open ${file}: No such file\n`);
        else if (flavourName === 'ash') await ctx.stderr.write(`${name}: can't open '${file}': No such file or directory\n`);
        else await ctx.stderr.write(`${name}: ${file}: ${e.message}\n`);
        return flavourName === 'bash' ? 127 : 2;
      }
      sh.mode = 'script';
      sh.argv0 = file;
      sh.positionalParams = rest.slice(1);
      return runScript(sh, src);
    }
    sh.positionalParams = rest;
    sh.mode = 'command';
    return runStdinScript(sh);
  };
}

function applyOpts(sh: Shell, opts: string[]): void {
  for (const o of opts) {
    if (o.startsWith('o:')) {
      const n = o.slice(2) as keyof Shell['opts'];
      if (n in sh.opts) sh.opts[n] = true;
    } else sh.opts[LETTER_OPTS[o]] = true;
  }
}

export const shPrograms: Record<FlavourName, Program> = {
  bash: shellProgram('bash'),
  dash: shellProgram('dash'),
  ash: shellProgram('ash'),
};
