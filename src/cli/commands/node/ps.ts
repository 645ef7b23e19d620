/** `docker node ps`: List tasks running on one or more nodes, defaults to current node (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  "name": "ps",
  "use": "ps [OPTIONS] [NODE...]",
  "short": "List tasks running on one or more nodes, defaults to current node",
  "args": {
    "kind": "min",
    "n": 0
  },
  "flags": [
    {"long": "filter", "type": "filter", "usage": "Filter output based on conditions provided", "short": "f"},
    {"long": "format", "type": "string", "usage": "Pretty-print tasks using a Go template"},
    {"long": "no-resolve", "type": "bool", "usage": "Do not map IDs to Names"},
    {"long": "no-trunc", "type": "bool", "usage": "Do not truncate output"},
    {"long": "quiet", "type": "bool", "usage": "Only display task IDs", "short": "q"}
  ],
  run: notSimulated
};
