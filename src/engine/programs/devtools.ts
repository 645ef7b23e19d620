/**
 * The small programs the notes' Dockerfiles fetch or build: `ipinfo` (a release binary from
 * GitHub in note 002) and `gcc`, which is installed by apt but cannot compile in the simulator —
 * it says so, as the programs README asks of anything not modelled.
 */
import type { ProgramContext } from '../process/types';
import { builtIn, registerProgram } from './registry';
import { make } from './make';

async function ipinfo(ctx: ProgramContext): Promise<number> {
  const a = ctx.argv[1];
  if (a === '--version' || a === 'version' || a === '-v') {
    // Each release tarball's binary carries its own version (../network/internet.ts), as the real
    // Go binary has it linked in.
    await ctx.stdout.write((builtIn(ctx, 'version') ?? 'dev') + '\n');
    return 0;
  }
  if (!a || a === '--help' || a === '-h') {
    await ctx.stdout.write('Usage: ipinfo <cmd> [<opts>] [<args>]\n\nCommands:\n  <ip>        look up details for an IP address, e.g. 8.8.8.8.\n  myip        get details for your IP.\n  version     show current version.\n\nOptions:\n  --version, -v\n    show binary release number.\n  --help, -h\n    show help.\n');
    return 0;
  }
  await ctx.stderr.write('err: ipinfo.io is not part of the simulator\'s internet; try this on a real Docker machine\n');
  return 1;
}

async function gcc(ctx: ProgramContext): Promise<number> {
  const name = ctx.argv[0].split('/').pop() ?? 'gcc';
  if (ctx.argv[1] === '--version') {
    await ctx.stdout.write(`${name} (Debian 12.2.0-14) 12.2.0\nCopyright (C) 2022 Free Software Foundation, Inc.\nThis is free software; see the source for copying conditions.  There is NO\nwarranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\n`);
    return 0;
  }
  if (ctx.argv.length < 2) {
    await ctx.stderr.write(`${name}: fatal error: no input files\ncompilation terminated.\n`);
    return 1;
  }
  await ctx.stderr.write(`${name}: compiling C is not simulated in Docker Lab; try this on a real Docker machine\n`);
  return 1;
}

export function registerDevTools(): void {
  registerProgram('ipinfo', ipinfo);
  registerProgram('gcc', gcc);
  registerProgram('make', make);
}
