/** `docker builder prune`: Remove build cache (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { builderPruneRun } from '../../verbs/builder-prune';

export const spec: CommandSpec = {
  "name": "prune",
  "use": "prune",
  "short": "Remove build cache",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "all", "type": "bool", "usage": "Remove all unused build cache, not just dangling ones", "short": "a"},
    {"long": "filter", "type": "filter", "usage": "Provide filter values (e.g. \"until=24h\")"},
    {"long": "force", "type": "bool", "usage": "Do not prompt for confirmation", "short": "f"},
    {"long": "keep-storage", "type": "bytes", "usage": "Amount of disk space to keep for cache", "default": "0"}
  ],
  run: builderPruneRun
};
