/** `docker network prune`: Remove all unused networks (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { networkPruneRun } from '../../verbs/network';

export const spec: CommandSpec = {
  "name": "prune",
  "use": "prune [OPTIONS]",
  "short": "Remove all unused networks",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "filter", "type": "filter", "usage": "Provide filter values (e.g. \"until=<timestamp>\")"},
    {"long": "force", "type": "bool", "usage": "Do not prompt for confirmation", "short": "f"}
  ],
  run: networkPruneRun
};
