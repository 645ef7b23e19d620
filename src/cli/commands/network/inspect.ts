/** `docker network inspect`: Display detailed information on one or more networks (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { networkInspectRun } from '../../verbs/network';

export const spec: CommandSpec = {
  "name": "inspect",
  "use": "inspect [OPTIONS] NETWORK [NETWORK...]",
  "short": "Display detailed information on one or more networks",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", "short": "f"},
    {"long": "verbose", "type": "bool", "usage": "Verbose output for diagnostics", "short": "v"}
  ],
  run: networkInspectRun
};
