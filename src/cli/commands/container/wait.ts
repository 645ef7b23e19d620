/** `docker container wait`: Block until one or more containers stop, then print their exit codes (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { waitRun } from '../../verbs/lifecycle';

export const spec: CommandSpec = {
  "name": "wait",
  "use": "wait CONTAINER [CONTAINER...]",
  "short": "Block until one or more containers stop, then print their exit codes",
  "aliasesLine": "docker container wait, docker wait",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [

  ],
  run: waitRun
};
