/** `docker container port`: List port mappings or a specific mapping for the container (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { portRun } from '../../verbs/network';

export const spec: CommandSpec = {
  "name": "port",
  "use": "port CONTAINER [PRIVATE_PORT[/PROTO]]",
  "short": "List port mappings or a specific mapping for the container",
  "aliasesLine": "docker container port, docker port",
  "args": {
    "kind": "range",
    "n": 1,
    "m": 2
  },
  "flags": [

  ],
  run: portRun
};
