/**
 * `busybox`: one binary, many programs. Real BusyBox picks the applet from the name it was called
 * by (`/bin/ls` is a link to `/bin/busybox`) or from its first argument (`busybox ls`). Here each
 * applet runs the simulator's implementation of that command; output details that differ between
 * BusyBox and GNU are the coreutils flavours' business.
 */
import type { Program } from '../process/types';
import { getProgram } from './registry';

const APPLET_ALIASES: Record<string, string> = { sh: 'ash', ash: 'ash' };

export const busybox: Program = async (ctx) => {
  const base = (ctx.argv[0] ?? 'busybox').split('/').pop()!;
  let argv = ctx.argv;
  if (base === 'busybox') {
    if (argv.length < 2 || argv[1] === '--help') {
      await ctx.stdout.write(
        'BusyBox v1.36.1 (2024-09-26 20:17:53 UTC) multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\n' +
          'Licensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\n' +
          'Usage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: function [arguments]...\n',
      );
      return 0;
    }
    argv = argv.slice(1);
  }
  const applet = argv[0].split('/').pop()!;
  const impl = getProgram(APPLET_ALIASES[applet] ?? applet);
  if (!impl || applet === 'busybox') {
    await ctx.stderr.write(`${applet}: applet not found\n`);
    return 127;
  }
  return impl({ ...ctx, argv });
};
