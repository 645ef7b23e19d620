/** `docker container top`: Display the running processes of a container (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { topRun } from '../../verbs/lifecycle';

export const spec: CommandSpec = {
  "name": "top",
  "interspersed": false,
  "use": "top CONTAINER [ps OPTIONS]",
  "short": "Display the running processes of a container",
  "aliasesLine": "docker container top, docker top",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [

  ],
  run: topRun
};
