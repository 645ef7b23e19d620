/** `docker service ls`: List services (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  "name": "ls",
  "use": "ls [OPTIONS]",
  "short": "List services",
  "aliases": [
    "list"
  ],
  "aliasesLine": "docker service ls, docker service list",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "filter", "type": "filter", "usage": "Filter output based on conditions provided", "short": "f"},
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"},
    {"long": "quiet", "type": "bool", "usage": "Only display IDs", "short": "q"}
  ],
  run: notSimulated
};
