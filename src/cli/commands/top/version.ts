/** `docker version`: Show the Docker version information (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { versionRun } from '../../verbs/system';

export const spec: CommandSpec = {
  "name": "version",
  "use": "version [OPTIONS]",
  "short": "Show the Docker version information",
  "args": {
    "kind": "none"
  },
  "categoryTop": 10,
  "flags": [
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", "short": "f"}
  ],
  run: versionRun
};
