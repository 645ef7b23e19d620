/** `docker container start`: Start one or more stopped containers (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { startRun } from '../../verbs/run';

export const spec: CommandSpec = {
  "name": "start",
  "use": "start [OPTIONS] CONTAINER [CONTAINER...]",
  "short": "Start one or more stopped containers",
  "aliasesLine": "docker container start, docker start",
  "args": {
    "kind": "min",
    "n": 1
  },
  "flags": [
    {"long": "attach", "type": "bool", "usage": "Attach STDOUT/STDERR and forward signals", "short": "a"},
    {"long": "checkpoint", "type": "string", "usage": "Restore from this checkpoint"},
    {"long": "checkpoint-dir", "type": "string", "usage": "Use a custom checkpoint storage directory"},
    {"long": "detach-keys", "type": "string", "usage": "Override the key sequence for detaching a container"},
    {"long": "interactive", "type": "bool", "usage": "Attach container's STDIN", "short": "i"}
  ],
  run: startRun
};
