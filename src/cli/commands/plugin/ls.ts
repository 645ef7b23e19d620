/** `docker plugin ls`: List plugins (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  "name": "ls",
  "use": "ls [OPTIONS]",
  "short": "List plugins",
  "aliases": [
    "list"
  ],
  "aliasesLine": "docker plugin ls, docker plugin list",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "filter", "type": "filter", "usage": "Provide filter values (e.g. \"enabled=true\")", "short": "f"},
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"},
    {"long": "no-trunc", "type": "bool", "usage": "Don't truncate output"},
    {"long": "quiet", "type": "bool", "usage": "Only display plugin IDs", "short": "q"}
  ],
  run: notSimulated
};
