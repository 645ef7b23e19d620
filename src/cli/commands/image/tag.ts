/** `docker image tag`: Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { tagRun } from '../../verbs/image';

export const spec: CommandSpec = {
  "name": "tag",
  "use": "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
  "short": "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
  "aliasesLine": "docker image tag, docker tag",
  "args": {
    "kind": "exact",
    "n": 2
  },
  "flags": [

  ],
  run: tagRun
};
