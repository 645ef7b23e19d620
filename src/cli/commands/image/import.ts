/** `docker image import`: Import the contents from a tarball to create a filesystem image (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { importRun } from '../../verbs/archive';

export const spec: CommandSpec = {
  "name": "import",
  "use": "import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
  "short": "Import the contents from a tarball to create a filesystem image",
  "aliasesLine": "docker image import, docker import",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "change", "type": "list", "usage": "Apply Dockerfile instruction to the created image", "short": "c"},
    {"long": "message", "type": "string", "usage": "Set commit message for imported image", "short": "m"},
    {"long": "platform", "type": "string", "usage": "Set platform if server is multi-platform capable"}
  ],
  run: importRun
};
