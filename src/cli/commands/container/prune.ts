/** `docker container prune`: Remove all stopped containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { containerPruneRun } from '../../verbs/lifecycle';

export const spec: CommandSpec = {
  "name": "prune",
  "use": "prune [OPTIONS]",
  "short": "Remove all stopped containers",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "filter", "type": "filter", "usage": "Provide filter values (e.g. \"until=<timestamp>\")"},
    {"long": "force", "type": "bool", "usage": "Do not prompt for confirmation", "short": "f"}
  ],
  run: containerPruneRun
};
