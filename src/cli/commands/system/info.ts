/** `docker system info`: Display system-wide information (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { infoRun } from '../../verbs/system';

export const spec: CommandSpec = {
  "name": "info",
  "use": "info [OPTIONS]",
  "short": "Display system-wide information",
  "aliasesLine": "docker system info, docker info",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", "short": "f"}
  ],
  run: infoRun
};
