/** `docker inspect`: Return low-level information on Docker objects (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { inspectRun } from '../../verbs/run';

export const spec: CommandSpec = {
  "name": "inspect",
  "use": "inspect [OPTIONS] NAME|ID [NAME|ID...]",
  "short": "Return low-level information on Docker objects",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", "short": "f"},
    {"long": "size", "type": "bool", "usage": "Display total file sizes if the type is container", "short": "s"},
    {"long": "type", "type": "string", "usage": "Only inspect objects of the given type"}
  ],
  run: inspectRun
};
