/** `docker container stop`: Stop one or more running containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { stopRun } from '../../verbs/lifecycle';

export const spec: CommandSpec = {
  "name": "stop",
  "use": "stop [OPTIONS] CONTAINER [CONTAINER...]",
  "short": "Stop one or more running containers",
  "aliasesLine": "docker container stop, docker stop",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "signal", "type": "string", "usage": "Signal to send to the container", "short": "s"},
    {"long": "timeout", "type": "int", "usage": "Seconds to wait before killing the container", "short": "t", "default": "0"}
  ],
  run: stopRun
};
