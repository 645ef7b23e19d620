/** `docker container rm`: Remove one or more containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { rmRun } from '../../verbs/run';

export const spec: CommandSpec = {
  "name": "rm",
  "use": "rm [OPTIONS] CONTAINER [CONTAINER...]",
  "short": "Remove one or more containers",
  "aliases": [
    "remove"
  ],
  "aliasesLine": "docker container rm, docker container remove, docker rm",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "force", "type": "bool", "usage": "Force the removal of a running container (uses SIGKILL)", "short": "f"},
    {"long": "link", "type": "bool", "usage": "Remove the specified link", "short": "l"},
    {"long": "volumes", "type": "bool", "usage": "Remove anonymous volumes associated with the container", "short": "v"}
  ],
  run: rmRun
};
