/** `docker container diff`: Inspect changes to files or directories on a container's filesystem (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { diffRun } from '../../verbs/changes';

export const spec: CommandSpec = {
  "name": "diff",
  "use": "diff CONTAINER",
  "short": "Inspect changes to files or directories on a container's filesystem",
  "aliasesLine": "docker container diff, docker diff",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "flags": [

  ],
  run: diffRun
};
