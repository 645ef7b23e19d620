/** `docker container attach`: Attach local standard input, output, and error streams to a running container (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { attachRun } from '../../verbs/exec';

export const spec: CommandSpec = {
  "name": "attach",
  "use": "attach [OPTIONS] CONTAINER",
  "short": "Attach local standard input, output, and error streams to a running container",
  "aliasesLine": "docker container attach, docker attach",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "flags": [
    {"long": "detach-keys", "type": "string", "usage": "Override the key sequence for detaching a container"},
    {"long": "no-stdin", "type": "bool", "usage": "Do not attach STDIN"},
    {"long": "sig-proxy", "type": "bool", "usage": "Proxy all received signals to the process", "default": "true"}
  ],
  run: attachRun
};
