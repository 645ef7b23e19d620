/** `docker volume rm`: Remove one or more volumes. You cannot remove a volume that is in use by a container. (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { volumeRmRun } from '../../verbs/volume';

export const spec: CommandSpec = {
  "name": "rm",
  "use": "rm [OPTIONS] VOLUME [VOLUME...]",
  "short": "Remove one or more volumes",
  "long": "Remove one or more volumes. You cannot remove a volume that is in use by a container.",
  "aliases": [
    "remove"
  ],
  "aliasesLine": "docker volume rm, docker volume remove",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "force", "type": "bool", "usage": "Force the removal of one or more volumes", "short": "f"}
  ],
  run: volumeRmRun
};
