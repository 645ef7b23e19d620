/** `docker network ls`: List networks (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { networkLsRun } from '../../verbs/network';

export const spec: CommandSpec = {
  "name": "ls",
  "use": "ls [OPTIONS]",
  "short": "List networks",
  "aliases": [
    "list"
  ],
  "aliasesLine": "docker network ls, docker network list",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "filter", "type": "filter", "usage": "Provide filter values (e.g. \"driver=bridge\")", "short": "f"},
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"},
    {"long": "no-trunc", "type": "bool", "usage": "Do not truncate the output"},
    {"long": "quiet", "type": "bool", "usage": "Only display network IDs", "short": "q"}
  ],
  run: networkLsRun
};
