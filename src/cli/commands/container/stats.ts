/** `docker container stats`: Display a live stream of container(s) resource usage statistics (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { statsRun } from '../../verbs/stats';

export const spec: CommandSpec = {
  "name": "stats",
  "use": "stats [OPTIONS] [CONTAINER...]",
  "short": "Display a live stream of container(s) resource usage statistics",
  "aliasesLine": "docker container stats, docker stats",
  "args": {
    "kind": "min",
    "n": 0
  },
  "flags": [
    {"long": "all", "type": "bool", "usage": "Show all containers (default shows just running)", "short": "a"},
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"},
    {"long": "no-stream", "type": "bool", "usage": "Disable streaming stats and only pull the first result"},
    {"long": "no-trunc", "type": "bool", "usage": "Do not truncate output"}
  ],
  run: statsRun
};
