/** `docker image pull`: Download an image from a registry (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { pullRun } from '../../verbs/image';

export const spec: CommandSpec = {
  "name": "pull",
  "use": "pull [OPTIONS] NAME[:TAG|@DIGEST]",
  "short": "Download an image from a registry",
  "aliasesLine": "docker image pull, docker pull",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "flags": [
    {"long": "all-tags", "type": "bool", "usage": "Download all tagged images in the repository", "short": "a"},
    {"long": "disable-content-trust", "type": "bool", "usage": "Skip image verification", "default": "true"},
    {"long": "platform", "type": "string", "usage": "Set platform if server is multi-platform capable"},
    {"long": "quiet", "type": "bool", "usage": "Suppress verbose output", "short": "q"}
  ],
  run: pullRun
};
