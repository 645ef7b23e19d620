/** `docker volume ls`: List volumes (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { volumeLsRun } from '../../verbs/volume';

export const spec: CommandSpec = {
  "name": "ls",
  "use": "ls [OPTIONS]",
  "short": "List volumes",
  "aliases": [
    "list"
  ],
  "aliasesLine": "docker volume ls, docker volume list",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "cluster", "type": "bool", "usage": "Display only cluster volumes, and use cluster volume list formatting"},
    {"long": "filter", "type": "filter", "usage": "Provide filter values (e.g. \"dangling=true\")", "short": "f"},
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"},
    {"long": "quiet", "type": "bool", "usage": "Only display volume names", "short": "q"}
  ],
  run: volumeLsRun
};
