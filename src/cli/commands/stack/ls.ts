/** `docker stack ls`: List stacks (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  "name": "ls",
  "use": "ls [OPTIONS]",
  "short": "List stacks",
  "aliases": [
    "list"
  ],
  "aliasesLine": "docker stack ls, docker stack list",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"}
  ],
  run: notSimulated
};
