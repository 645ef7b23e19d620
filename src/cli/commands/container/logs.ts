/** `docker container logs`: Fetch the logs of a container (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { logsRun } from '../../verbs/lifecycle';

export const spec: CommandSpec = {
  "name": "logs",
  "use": "logs [OPTIONS] CONTAINER",
  "short": "Fetch the logs of a container",
  "aliasesLine": "docker container logs, docker logs",
  "args": {
    "kind": "exact",
    "n": 1
  },
  "flags": [
    {"long": "details", "type": "bool", "usage": "Show extra details provided to logs"},
    {"long": "follow", "type": "bool", "usage": "Follow log output", "short": "f"},
    {"long": "since", "type": "string", "usage": "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)"},
    {"long": "tail", "type": "string", "usage": "Number of lines to show from the end of the logs", "short": "n", "default": "all"},
    {"long": "timestamps", "type": "bool", "usage": "Show timestamps", "short": "t"},
    {"long": "until", "type": "string", "usage": "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)"}
  ],
  run: logsRun
};
