/** `docker swarm leave`: Leave the swarm (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { notSimulated } from '../../framework/not-simulated';

export const spec: CommandSpec = {
  "name": "leave",
  "use": "leave [OPTIONS]",
  "short": "Leave the swarm",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "force", "type": "bool", "usage": "Force this node to leave the swarm, ignoring warnings", "short": "f"}
  ],
  run: notSimulated
};
