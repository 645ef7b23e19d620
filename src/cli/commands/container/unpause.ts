/** `docker container unpause`: Unpause all processes within one or more containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { unpauseRun } from '../../verbs/lifecycle';

export const spec: CommandSpec = {
  "name": "unpause",
  "use": "unpause CONTAINER [CONTAINER...]",
  "short": "Unpause all processes within one or more containers",
  "aliasesLine": "docker container unpause, docker unpause",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [

  ],
  run: unpauseRun
};
