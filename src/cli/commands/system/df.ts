/** `docker system df`: Show docker disk usage (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { systemDfRun } from '../../verbs/df';

export const spec: CommandSpec = {
  "name": "df",
  "use": "df [OPTIONS]",
  "short": "Show docker disk usage",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"},
    {"long": "verbose", "type": "bool", "usage": "Show detailed information on space usage", "short": "v"}
  ],
  run: systemDfRun
};
