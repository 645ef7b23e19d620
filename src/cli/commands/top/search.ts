/** `docker search`: Search Docker Hub for images (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { searchRun } from '../../verbs/image';

export const spec: CommandSpec = {
  "name": "search",
  "use": "search [OPTIONS] TERM",
  "short": "Search Docker Hub for images",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "categoryTop": 10,
  "flags": [
    {"long": "filter", "type": "filter", "usage": "Filter output based on conditions provided", "short": "f"},
    {"long": "format", "type": "string", "usage": "Pretty-print search using a Go template"},
    {"long": "limit", "type": "int", "usage": "Max number of search results", "default": "0"},
    {"long": "no-trunc", "type": "bool", "usage": "Don't truncate output"}
  ],
  run: searchRun
};
