/** `docker container export`: Export a container's filesystem as a tar archive (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { exportRun } from '../../verbs/archive';

export const spec: CommandSpec = {
  "name": "export",
  "use": "export [OPTIONS] CONTAINER",
  "short": "Export a container's filesystem as a tar archive",
  "aliasesLine": "docker container export, docker export",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "flags": [
    {"long": "output", "type": "string", "usage": "Write to a file, instead of STDOUT", "short": "o"}
  ],
  run: exportRun
};
