/** `docker context update`: Update a context (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  "name": "update",
  "use": "update [OPTIONS] CONTEXT",
  "short": "Update a context",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "flags": [
    {"long": "description", "type": "string", "usage": "Description of the context"},
    {"long": "docker", "type": "stringToString", "usage": "set the docker endpoint"}
  ],
  run: notSimulated
};
