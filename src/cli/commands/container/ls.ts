/** `docker container ls`: List containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { psRun } from '../../verbs/ps';

export const spec: CommandSpec = {
  "name": "ls",
  "use": "ls [OPTIONS]",
  "short": "List containers",
  "aliases": [
    "list",
    "ps"
  ],
  "aliasesLine": "docker container ls, docker container list, docker container ps, docker ps",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "all", "type": "bool", "usage": "Show all containers (default shows just running)", "short": "a"},
    {"long": "filter", "type": "filter", "usage": "Filter output based on conditions provided", "short": "f"},
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"},
    {"long": "last", "type": "int", "usage": "Show n last created containers (includes all states)", "short": "n", "default": "-1"},
    {"long": "latest", "type": "bool", "usage": "Show the latest created container (includes all states)", "short": "l"},
    {"long": "no-trunc", "type": "bool", "usage": "Don't truncate output"},
    {"long": "quiet", "type": "bool", "usage": "Only display container IDs", "short": "q"},
    {"long": "size", "type": "bool", "usage": "Display total file sizes", "short": "s"}
  ],
  run: psRun
};
