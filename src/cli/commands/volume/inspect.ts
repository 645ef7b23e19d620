/** `docker volume inspect`: Display detailed information on one or more volumes (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { volumeInspectRun } from '../../verbs/volume';

export const spec: CommandSpec = {
  "name": "inspect",
  "use": "inspect [OPTIONS] VOLUME [VOLUME...]",
  "short": "Display detailed information on one or more volumes",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", "short": "f"}
  ],
  run: volumeInspectRun
};
