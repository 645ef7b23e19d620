/** `docker image history`: Show the history of an image (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { historyRun } from '../../verbs/image';

export const spec: CommandSpec = {
  "name": "history",
  "use": "history [OPTIONS] IMAGE",
  "short": "Show the history of an image",
  "aliasesLine": "docker image history, docker history",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "flags": [
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"},
    {"long": "human", "type": "bool", "usage": "Print sizes and dates in human readable format", "short": "H", "default": "true"},
    {"long": "no-trunc", "type": "bool", "usage": "Don't truncate output"},
    {"long": "platform", "type": "string", "usage": "Show history for the given platform. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")"},
    {"long": "quiet", "type": "bool", "usage": "Only show image IDs", "short": "q"}
  ],
  run: historyRun
};
