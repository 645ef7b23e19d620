/** `docker volume create`: Create a volume (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { volumeCreateRun } from '../../verbs/volume';

export const spec: CommandSpec = {
  "name": "create",
  "use": "create [OPTIONS] [VOLUME]",
  "short": "Create a volume",
  "args": {
    "kind": "max",
    "n": 1
  },
  "flags": [
    {"long": "availability", "type": "string", "usage": "Cluster Volume availability (\"active\", \"pause\", \"drain\")", "default": "active"},
    {"long": "driver", "type": "string", "usage": "Specify volume driver name", "short": "d", "default": "local"},
    {"long": "group", "type": "string", "usage": "Cluster Volume group (cluster volumes)"},
    {"long": "label", "type": "list", "usage": "Set metadata for a volume"},
    {"long": "limit-bytes", "type": "bytes", "usage": "Minimum size of the Cluster Volume in bytes", "default": "0"},
    {"long": "opt", "type": "map", "usage": "Set driver specific options", "short": "o", "default": "map[]"},
    {"long": "required-bytes", "type": "bytes", "usage": "Maximum size of the Cluster Volume in bytes", "default": "0"},
    {"long": "scope", "type": "string", "usage": "Cluster Volume access scope (\"single\", \"multi\")", "default": "single"},
    {"long": "secret", "type": "map", "usage": "Cluster Volume secrets", "default": "map[]"},
    {"long": "sharing", "type": "string", "usage": "Cluster Volume access sharing (\"none\", \"readonly\", \"onewriter\", \"all\")", "default": "none"},
    {"long": "topology-preferred", "type": "list", "usage": "A topology that the Cluster Volume would be preferred in"},
    {"long": "topology-required", "type": "list", "usage": "A topology that the Cluster Volume must be accessible from"},
    {"long": "type", "type": "string", "usage": "Cluster Volume access type (\"mount\", \"block\")", "default": "block"}
  ],
  run: volumeCreateRun
};
