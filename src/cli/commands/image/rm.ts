/** `docker image rm`: Remove one or more images (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { rmiRun } from '../../verbs/image';

export const spec: CommandSpec = {
  "name": "rm",
  "use": "rm [OPTIONS] IMAGE [IMAGE...]",
  "short": "Remove one or more images",
  "aliases": [
    "remove"
  ],
  "aliasesLine": "docker image rm, docker image remove, docker rmi",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "force", "type": "bool", "usage": "Force removal of the image", "short": "f"},
    {"long": "no-prune", "type": "bool", "usage": "Do not delete untagged parents"},
    {"long": "platform", "type": "stringSlice", "usage": "Remove only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")"}
  ],
  run: rmiRun
};
