/** `docker container restart`: Restart one or more containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { restartRun } from '../../verbs/lifecycle';

export const spec: CommandSpec = {
  "name": "restart",
  "use": "restart [OPTIONS] CONTAINER [CONTAINER...]",
  "short": "Restart one or more containers",
  "aliasesLine": "docker container restart, docker restart",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "signal", "type": "string", "usage": "Signal to send to the container", "short": "s"},
    {"long": "timeout", "type": "int", "usage": "Seconds to wait before killing the container", "short": "t", "default": "0"}
  ],
  run: restartRun
};
