/** `docker plugin disable`: Disable a plugin (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  "name": "disable",
  "use": "disable [OPTIONS] PLUGIN",
  "short": "Disable a plugin",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "flags": [
    {"long": "force", "type": "bool", "usage": "Force the disable of an active plugin", "short": "f"}
  ],
  run: notSimulated
};
