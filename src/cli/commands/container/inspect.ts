/** `docker container inspect`: Display detailed information on one or more containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { containerInspectRun } from '../../verbs/run';

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
