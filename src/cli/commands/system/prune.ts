/** `docker system prune`: Remove unused data (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { systemPruneRun } from '../../verbs/lifecycle';

export const spec: CommandSpec = {
  "name": "prune",
  "use": "prune [OPTIONS]",
  "short": "Remove unused data",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "all", "type": "bool", "usage": "Remove all unused images not just dangling ones", "short": "a"},
    {"long": "filter", "type": "filter", "usage": "Provide filter values (e.g. \"label=<key>=<value>\")"},
    {"long": "force", "type": "bool", "usage": "Do not prompt for confirmation", "short": "f"},
    {"long": "volumes", "type": "bool", "usage": "Prune anonymous volumes"}
  ],
  run: systemPruneRun
};
