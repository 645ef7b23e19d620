/** `docker container exec`: Execute a command in a running container (flags and help as Docker 28.5 prints them). */
import type { CommandSpec } from '../../framework/types';
import { execRun } from '../../verbs/exec';

export const spec: CommandSpec = {
  "name": "exec",
  "use": "exec [OPTIONS] CONTAINER COMMAND [ARG...]",
  "short": "Execute a command in a running container",
  "aliasesLine": "docker container exec, docker exec",
  "args": {
    "kind": "min",
    "n": 2
  },
  "interspersed": false,
  "flags": [
    {"long": "detach", "type": "bool", "usage": "Detached mode: run command in the background", "short": "d"},
    {"long": "detach-keys", "type": "string", "usage": "Override the key sequence for detaching a container"},
    {"long": "env", "type": "list", "usage": "Set environment variables", "short": "e"},
    {"long": "env-file", "type": "list", "usage": "Read in a file of environment variables"},
    {"long": "interactive", "type": "bool", "usage": "Keep STDIN open even if not attached", "short": "i"},
    {"long": "privileged", "type": "bool", "usage": "Give extended privileges to the command"},
    {"long": "tty", "type": "bool", "usage": "Allocate a pseudo-TTY", "short": "t"},
    {"long": "user", "type": "string", "usage": "Username or UID (format: \"<name|uid>[:<group|gid>]\")", "short": "u"},
    {"long": "workdir", "type": "string", "usage": "Working directory inside the container", "short": "w"}
  ],
  run: execRun
};
