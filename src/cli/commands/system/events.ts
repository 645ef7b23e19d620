/** `docker system events`: Get real time events from the server (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { eventsRun } from '../../verbs/events';

export const spec: CommandSpec = {
  "name": "events",
  "use": "events [OPTIONS]",
  "short": "Get real time events from the server",
  "aliasesLine": "docker system events, docker events",
  "args": {
    "kind": "none"
  },
  "flags": [
    {"long": "filter", "type": "filter", "usage": "Filter output based on conditions provided", "short": "f"},
    {"long": "format", "type": "string", "usage": "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"},
    {"long": "since", "type": "string", "usage": "Show all events created since timestamp"},
    {"long": "until", "type": "string", "usage": "Stream events until this timestamp"}
  ],
  run: eventsRun
};
