/** `docker volume prune`: Remove unused local volumes (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { volumePruneRun } from '../../verbs/volume';

export const spec: CommandSpec = {
  "name": "prune",
  "use": "prune [OPTIONS]",
  "short": "Remove unused local volumes",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "all", "type": "bool", "usage": "Remove all unused volumes, not just anonymous ones", "short": "a"},
    {"long": "filter", "type": "filter", "usage": "Provide filter values (e.g. \"label=<label>\")"},
    {"long": "force", "type": "bool", "usage": "Do not prompt for confirmation", "short": "f"}
  ],
  run: volumePruneRun
};
