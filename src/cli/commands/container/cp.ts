/** `docker container cp`: Copy files/folders between a container and the local filesystem (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { cpRun } from '../../verbs/cp';

export const spec: CommandSpec = {
  "name": "cp",
  "use": "cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
  "short": "Copy files/folders between a container and the local filesystem",
  "long": "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
  "aliasesLine": "docker container cp, docker cp",
  "args": {
    "kind": "exact",
    "n": 2
  },
  "flags": [
    {"long": "archive", "type": "bool", "usage": "Archive mode (copy all uid/gid information)", "short": "a"},
    {"long": "follow-link", "type": "bool", "usage": "Always follow symbol link in SRC_PATH", "short": "L"},
    {"long": "quiet", "type": "bool", "usage": "Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached", "short": "q"}
  ],
  run: cpRun
};
