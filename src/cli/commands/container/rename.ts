/** `docker container rename`: Rename a container (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { renameRun } from '../../verbs/lifecycle';

export const spec: CommandSpec = {
  "name": "rename",
  "use": "rename CONTAINER NEW_NAME",
  "short": "Rename a container",
  "aliasesLine": "docker container rename, docker rename",
  "args": {
    "kind": "exact",
    "n": 2
  },
  "flags": [

  ],
  run: renameRun
};
