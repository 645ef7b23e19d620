/** `docker image inspect`: Display detailed information on one or more images (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import { DaemonError } from '../../../api/daemon';
import type { CommandSpec, Handler } from '../../framework/types';
import { daemonOf, str } from '../shared/common';
import { printInspect } from '../shared/inspect';

export const imageInspectRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const ref of args) {
    try {
      found.push(await d.imageInspect(ref));
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      // docker-cli's inspector words a 404 itself and passes any other answer on (a reference
      // the daemon cannot parse is its 400 "invalid reference format").
      errors.push(e.statusCode === 404 || /No such image/.test(e.message) ? `Error: No such image: ${ref}` : `Error response from daemon: ${e.message}`);
    }
  }
  return printInspect(ctx, found, str(flags, 'format'), errors);
};

export const spec: CommandSpec = {
  name: 'inspect',
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  args: { kind: 'min', n: 1 },
  flags: [
    inspectFormatFlag(),
    { long: 'platform', type: 'string', usage: "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)" }
  ],
  run: imageInspectRun
};
