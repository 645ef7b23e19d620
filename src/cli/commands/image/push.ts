/** `docker image push`: Upload an image to a registry (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { pushRun } from '../../verbs/push';

export const spec: CommandSpec = {
  "name": "push",
  "use": "push [OPTIONS] NAME[:TAG]",
  "short": "Upload an image to a registry",
  "aliasesLine": "docker image push, docker push",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "flags": [
    {"long": "all-tags", "type": "bool", "usage": "Push all tags of an image to the repository", "short": "a"},
    {"long": "disable-content-trust", "type": "bool", "usage": "Skip image signing", "default": "true"},
    {"long": "platform", "type": "string", "usage": "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)"},
    {"long": "quiet", "type": "bool", "usage": "Suppress verbose output", "short": "q"}
  ],
  run: pushRun
};
