/** `docker network disconnect`: Disconnect a container from a network (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { networkDisconnectRun } from '../../verbs/network';

export const spec: CommandSpec = {
  "name": "disconnect",
  "use": "disconnect [OPTIONS] NETWORK CONTAINER",
  "short": "Disconnect a container from a network",
  "args": {
    "kind": "exact",
    "n": 2
  },
  "flags": [
    {"long": "force", "type": "bool", "usage": "Force the container to disconnect from a network", "short": "f"}
  ],
  run: networkDisconnectRun
};
