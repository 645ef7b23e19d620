/** `docker network rm`: Remove one or more networks (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { networkRmRun } from '../../verbs/network';

export const spec: CommandSpec = {
  "name": "rm",
  "use": "rm NETWORK [NETWORK...]",
  "short": "Remove one or more networks",
  "aliases": [
    "remove"
  ],
  "aliasesLine": "docker network rm, docker network remove",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "force", "type": "bool", "usage": "Do not error if the network does not exist", "short": "f"}
  ],
  run: networkRmRun
};
