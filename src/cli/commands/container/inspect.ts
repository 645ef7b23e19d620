/** `docker container inspect`: Display detailed information on one or more containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec, Handler } from '../../framework/types';
import { bool, daemonOf, str } from '../shared/common';
import { printInspect } from '../shared/inspect';

export const containerInspectRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const ref of args) {
    const obj = await d.containerInspect(ref, { size: bool(flags, 'size') }).catch(() => undefined);
    if (obj) found.push(obj);
    else errors.push(`Error: No such container: ${ref}`);
  }
  return printInspect(ctx, found, str(flags, 'format'), errors);
};

export const spec: CommandSpec = {
  "name": "inspect",
  "use": "inspect [OPTIONS] CONTAINER [CONTAINER...]",
  "short": "Display detailed information on one or more containers",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", "short": "f"},
    {"long": "size", "type": "bool", "usage": "Display total file sizes", "short": "s"}
  ],
  run: containerInspectRun
};
