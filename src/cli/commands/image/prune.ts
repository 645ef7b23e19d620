/** `docker image prune`: Remove unused images (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { imagePruneRun } from '../../verbs/image';

export const spec: CommandSpec = {
  "name": "prune",
  "use": "prune [OPTIONS]",
  "short": "Remove unused images",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "all", "type": "bool", "usage": "Remove all unused images, not just dangling ones", "short": "a"},
    {"long": "filter", "type": "filter", "usage": "Provide filter values (e.g. \"until=<timestamp>\")"},
    {"long": "force", "type": "bool", "usage": "Do not prompt for confirmation", "short": "f"}
  ],
  run: imagePruneRun
};
