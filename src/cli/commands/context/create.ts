/** `docker context create`: Create a context (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  "name": "create",
  "use": "create [OPTIONS] CONTEXT",
  "short": "Create a context",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "flags": [
    {"long": "description", "type": "string", "usage": "Description of the context"},
    {"long": "docker", "type": "stringToString", "usage": "set the docker endpoint"},
    {"long": "from", "type": "string", "usage": "create context from a named context"}
  ],
  run: notSimulated
};
